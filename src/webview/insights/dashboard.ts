/**
 * The dashboard page for one state: the header (store, picker, export), the headline figures, and the
 * cards — or the loading, error and empty states. Returns the placed cards so their charts can be drawn
 * once the layout gives their widths.
 */
import type { InsightsModel, InsightsState, InsightsWebviewMessage } from '../../shared/insightsProtocol';
import { breakdownCards } from './breakdownCards';
import type { PlacedCard } from './card';
import { placeCard } from './card';
import { el } from './dom';
import { formatMs, formatNumber, formatPercent } from './scale';
import { strategyCard } from './strategyCard';
import { weekCards } from './weekCards';

/** What the page needs from its surroundings. */
export interface DashboardContext {
  post: (message: InsightsWebviewMessage) => void;
  /** Whether a card shows its table instead of its chart. */
  asTable: (id: string) => boolean;
  toggle: (id: string) => void;
}

function header(state: InsightsState, context: DashboardContext, hasData: boolean): HTMLElement {
  const head = el('header');
  const titles = el('div', undefined, 'titles');
  titles.append(el('h1', `Insights · ${state.storeLabel}`));
  const when = new Date(state.updatedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  titles.append(el('p', `History in ${state.location}${state.status === 'ready' ? ` · updated ${when}` : ''}`, 'muted'));
  const actions = el('div', undefined, 'actions');
  if (state.stores.length > 1) {
    const label = el('label', 'Workspace folder ');
    const select = el('select');
    for (const store of state.stores) {
      const option = el('option', store.label);
      option.value = store.key;
      option.selected = store.key === state.storeKey;
      select.append(option);
    }
    select.addEventListener('change', () => context.post({ type: 'selectStore', key: select.value }));
    label.append(select);
    actions.append(label);
  }
  const button = (text: string, message: InsightsWebviewMessage, title: string) => {
    const node = el('button', text);
    node.title = title;
    node.disabled = !hasData;
    node.addEventListener('click', () => context.post(message));
    return node;
  };
  actions.append(
    button('Export CSV', { type: 'export', format: 'csv' }, 'Save every figure as CSV (one row per figure)'),
    button('Export JSON', { type: 'export', format: 'json' }, 'Save every figure as JSON'),
  );
  head.append(titles, actions);
  return head;
}

function kpis(model: InsightsModel): HTMLElement {
  const runsByModel = model.engines.filter((e) => e.model).reduce((sum, e) => sum + e.runs, 0);
  const allRuns = model.engines.reduce((sum, e) => sum + e.runs, 0);
  const tiles: [string, string, string][] = [
    ['Improve runs', String(model.improveRuns), `${model.prompts} prompts · ${model.versions} versions`],
    ['Average judge total', `${formatNumber(model.averageTotal)}/50`, 'of every rewrite'],
    ['Win rate', formatPercent(model.winRate), `rollback ${formatPercent(model.rollbackRate)}`],
    ['Time to result', formatMs(model.timeToResultMs.median), `median · p95 ${formatMs(model.timeToResultMs.p95)}`],
    ['Acceptance', formatPercent(model.acceptanceRate), 'of decided hunks kept'],
    ['Model usage', allRuns ? formatPercent(runsByModel / allRuns) : '–', `${runsByModel} of ${allRuns} runs`],
  ];
  const list = el('dl', undefined, 'kpis');
  for (const [name, value, detail] of tiles) {
    const tile = el('div', undefined, 'kpi');
    tile.append(el('dt', name), el('dd', value, 'kpi-value'), el('dd', detail, 'muted'));
    list.append(tile);
  }
  return list;
}

function emptyState(state: InsightsState): HTMLElement {
  const box = el('section', undefined, 'empty');
  box.append(
    el('h2', `No history yet in ${state.storeLabel}`),
    el('p', 'The dashboard fills in as you improve prompts in this folder:'),
  );
  const steps = el('ol');
  for (const step of [
    'Open a prompt: a *.prompt.md file, a system prompt in a Python or TypeScript string, any text.',
    'Select it and run Prompter: Improve Prompt (Ctrl+Alt+Shift+I, or right-click → Improve Prompt).',
    'Accept or reject the changes inline. Every run, score and decision is stored and shows up here.',
  ]) {
    steps.append(el('li', step));
  }
  box.append(steps, el('p', 'This page updates by itself while you work.', 'muted'));
  return box;
}

/** Renders `state` into `root`; returns the cards whose charts still need drawing. */
export function renderDashboard(root: HTMLElement, state: InsightsState, context: DashboardContext): PlacedCard[] {
  const model = state.model;
  const hasData = Boolean(model && (model.versions > 0 || model.improveRuns > 0));
  const parts: Node[] = [header(state, context, hasData)];
  if (state.status === 'error') {
    const error = el('p', state.error ?? 'The history could not be read.', 'error');
    error.setAttribute('role', 'alert');
    parts.push(error);
  }
  if (!model) {
    if (state.status === 'loading') parts.push(el('p', `Reading the history of ${state.storeLabel}…`, 'muted'));
    root.replaceChildren(...parts);
    return [];
  }
  if (!hasData) {
    parts.push(emptyState(state));
    root.replaceChildren(...parts);
    return [];
  }
  const placed = [...weekCards(model), ...breakdownCards(model), strategyCard(model)].map((card) => placeCard(card, context.asTable(card.id), context.toggle));
  const grid = el('div', undefined, 'grid');
  grid.append(...placed.map((p) => p.element));
  parts.push(kpis(model), grid);
  root.replaceChildren(...parts);
  return placed;
}
