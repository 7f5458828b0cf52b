/**
 * Draws the whole panel from one state: header with the totals, the buttons, and the sections (scores,
 * why each change, the diff, the rewrite, what was kept, the candidates, details). Rebuilt from scratch
 * on every state; main.ts puts the keyboard focus back.
 */
import type { PanelDecision, PanelState, WebviewMessage } from '../../shared/resultPanelProtocol';
import { diffView } from './diffView';
import { delta, el, score, section } from './dom';
import { scoreTable } from './scoreTable';

/** Sends a message to the host. */
export type Post = (message: WebviewMessage) => void;

const DECISIONS: Record<PanelDecision, string> = {
  open: 'Shown inline in the editor: accept or reject each change there, or all of them here.',
  accepted: 'Accepted: the rewrite is in the editor.',
  rejected: 'Rejected: the original text is back.',
  partial: 'Partly accepted.',
  ended: 'The inline diff has ended.',
};

interface ButtonSpec {
  /** Stable across renders, so the focus can be put back on the same button. */
  key: string;
  label: string;
  message: WebviewMessage;
  enabled: boolean;
  /** What the button does, for the tooltip and screen readers. */
  description: string;
  primary?: boolean;
}

function button(spec: ButtonSpec, post: Post): HTMLButtonElement {
  const node = el('button', spec.label, spec.primary ? 'primary' : 'secondary');
  node.type = 'button';
  node.dataset.key = spec.key;
  node.title = spec.description;
  node.setAttribute('aria-description', spec.description);
  node.disabled = !spec.enabled;
  node.addEventListener('click', () => post(spec.message));
  return node;
}

function buttons(state: PanelState): ButtonSpec[] {
  const stored = state.version !== undefined;
  const history: ButtonSpec[] = [
    { key: 'improveAgain', label: 'Improve again', message: { type: 'improveAgain' }, enabled: stored, description: 'Rewrite the best version of this prompt again; the new version is kept only if it scores at least as well.' },
    { key: 'openInHistory', label: 'Open in history', message: { type: 'openInHistory' }, enabled: stored, description: 'Show this version in the Prompter history.' },
  ];
  const copy: ButtonSpec = { key: 'copy', label: 'Copy', message: { type: 'copy' }, enabled: true, description: 'Copy the rewrite to the clipboard.', primary: state.origin.kind === 'stored' };
  if (state.origin.kind === 'inlineDiff') {
    const open = state.origin.decision === 'open';
    return [
      { key: 'accept', label: 'Accept all', message: { type: 'accept' }, enabled: open, description: 'Accept every change of the inline diff in one undoable edit.', primary: true },
      { key: 'reject', label: 'Reject all', message: { type: 'reject' }, enabled: open, description: 'Reject every change: the original text comes back exactly.' },
      copy,
      ...history,
    ];
  }
  return [
    copy,
    { key: 'insert', label: 'Insert at cursor', message: { type: 'insert' }, enabled: true, description: 'Insert the rewrite at the cursor of the last active editor.' },
    { key: 'replace', label: 'Replace selection', message: { type: 'replace' }, enabled: true, description: 'Replace the selection of the last active editor with the rewrite.' },
    ...history,
  ];
}

function header(state: PanelState, post: Post): HTMLElement {
  const node = el('header');
  const title = el('h1');
  title.append(el('span', `${score(state.totals.before)} → ${score(state.totals.after)}`, 'totals'));
  const change = delta(state.totals.before, state.totals.after);
  if (change) title.append(el('span', change, `badge ${change.startsWith('+') ? 'up' : 'same'}`));
  const version = state.version;
  const about = version
    ? `v${version.versionNo} of “${version.promptTitle}” · ${version.best ? `v${version.best.versionNo} is best at ${score(version.best.score)}` : `best at ${score(version.score)}`}`
    : 'not stored in the history';
  node.append(title, el('p', `${state.subject} · ${about}`, 'muted subject'));
  const actions = el('div', undefined, 'actions');
  actions.setAttribute('role', 'group');
  actions.setAttribute('aria-label', 'Result actions');
  actions.append(...buttons(state).map((spec) => button(spec, post)));
  const status = el('p', [state.origin.kind === 'inlineDiff' ? DECISIONS[state.origin.decision] : '', state.notice ?? ''].filter(Boolean).join(' '), 'status');
  status.setAttribute('role', 'status');
  node.append(actions, status);
  return node;
}

function reasonsList(state: PanelState): HTMLElement[] {
  if (!state.reasons.length) return [el('p', 'No changes were made.', 'muted')];
  const list = el('ul', undefined, 'reasons');
  for (const reason of state.reasons) {
    const item = el('li', undefined, reason.turnedDown ? 'turned-down' : undefined);
    if (reason.strategy) item.append(el('code', reason.strategy, 'strategy'), document.createTextNode(' '));
    item.append(el('span', reason.text, 'reason-text'));
    if (reason.turnedDown) item.append(el('span', ' (turned down)', 'muted'));
    list.append(item);
  }
  const tally = state.hunkTally;
  if (!tally) return [list];
  const counted = tally.decided === tally.total ? `${tally.kept} of ${tally.total} changes kept.` : `${tally.kept} of ${tally.total} changes kept so far (${tally.total - tally.decided} still open).`;
  return [el('p', counted, 'muted tally'), list];
}

function layoutToggle(state: PanelState, post: Post): HTMLElement {
  const group = el('div', undefined, 'segmented');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Diff layout');
  for (const [layout, label] of [['inline', 'Inline'], ['sideBySide', 'Side by side']] as const) {
    const node = el('button', label);
    node.type = 'button';
    node.dataset.key = `layout-${layout}`;
    node.setAttribute('aria-pressed', String(state.layout === layout));
    node.addEventListener('click', () => post({ type: 'layout', layout }));
    group.append(node);
  }
  return group;
}

function changes(state: PanelState, post: Post): HTMLElement[] {
  const note = state.diff.granularity === 'line' ? [el('p', 'These texts are too large to compare word by word in time: changes are shown by line.', 'muted')] : [];
  return [layoutToggle(state, post), ...note, diffView(state.diff, state.layout, state.beforeLabel)];
}

/** What the prompt kept: the summary and one row per kind; a single line when there was nothing to keep. */
function keptList(state: PanelState): HTMLElement[] {
  if (!state.keptRows.length) return [el('p', 'No variables, numbers or quotes to keep.', 'muted')];
  const list = el('ul', undefined, 'kept');
  for (const row of state.keptRows) {
    const item = el('li', `${row.label}: ${row.kept}/${row.total}`, row.missing.length ? 'lost' : 'ok');
    if (row.missing.length) item.append(el('span', ` — missing: ${row.missing.join(', ')}`));
    list.append(item);
  }
  return [el('p', state.kept, 'muted'), list];
}

function candidatesTable(state: PanelState): HTMLElement {
  const list = el('ul', undefined, 'candidates');
  for (const candidate of state.candidates) {
    const item = el('li', `${candidate.style}: ${candidate.total}/50`, candidate.chosen ? 'chosen' : undefined);
    const notes = [candidate.ownLayout ? 'your layout' : '', candidate.chosen ? 'chosen' : ''].filter(Boolean);
    if (notes.length) item.append(el('span', ` (${notes.join(', ')})`, 'muted'));
    list.append(item);
  }
  return list;
}

function details(state: PanelState): HTMLElement {
  const list = el('dl', undefined, 'details');
  const row = (term: string, value: string, className?: string) => list.append(el('dt', term), el('dd', value, className));
  const { engine } = state;
  row('Engine', engine ? (engine.kind === 'model' ? `Language model ${engine.id.replace(/^llm:/, '')}` : `Heuristic engine (${engine.id})`) : 'None: this is the original text');
  if (engine?.fallback) row('Fallback', `The heuristic engine answered instead of the model: ${engine.fallback}`, 'warning');
  row('Time to result', state.timeMs === null ? 'unknown' : state.timeMs < 1 ? 'under 1 ms' : `${Math.round(state.timeMs)} ms`);
  row('Stored as', state.version ? `v${state.version.versionNo} of “${state.version.promptTitle}”` : 'not stored');
  return list;
}

/** The panel's content for `state`. */
export function renderPanel(state: PanelState, post: Post): Node[] {
  const rewrite = el('pre', state.rewrite, 'rewrite');
  rewrite.tabIndex = 0;
  return [
    header(state, post),
    section('scores', 'Scores', scoreTable(state.axes, state.beforeLabel)),
    section('why', 'Why each change', ...reasonsList(state)),
    section('changes', `Changes from ${state.beforeLabel}`, ...changes(state, post)),
    section('rewrite-section', 'Rewrite', rewrite),
    section('kept-section', 'Kept from your prompt', ...keptList(state)),
    ...(state.candidates.length ? [section('candidates-section', 'Candidates', candidatesTable(state))] : []),
    section('details-section', 'Details', details(state)),
  ];
}
