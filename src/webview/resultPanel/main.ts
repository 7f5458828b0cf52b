/**
 * The result panel inside its webview: renders the state the host sends with DOM nodes and
 * `textContent` only (prompt text is never parsed as HTML), and turns button clicks into messages.
 * The last state is kept with setState so the panel comes back after a reload.
 */
import type { HostMessage, PanelState, WebviewMessage } from '../../shared/resultPanelProtocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;

/** An element with text content and an optional class. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function button(label: string, message: WebviewMessage, enabled: boolean): HTMLButtonElement {
  const node = el('button', label);
  node.disabled = !enabled;
  node.addEventListener('click', () => vscode.postMessage(message));
  return node;
}

const DECISIONS: Record<PanelState['decision'], string> = {
  open: 'Shown inline in the editor: accept or reject each change there, or all of them here.',
  accepted: 'Accepted.',
  rejected: 'Rejected: the original text is back.',
  partial: 'Partly accepted.',
  ended: 'The inline diff ended.',
};

function render(state: PanelState): void {
  const open = state.decision === 'open';
  const header = el('header');
  header.append(el('h1', `${state.totals.before}/50 → ${state.totals.after}/50`), el('p', `${state.documentName} · ${state.kept} · ${state.timeMs.toFixed(0)} ms`, 'muted'));
  const actions = el('div', undefined, 'actions');
  actions.append(button('Accept all', { type: 'accept' }, open), button('Reject all', { type: 'reject' }, open), button('Copy rewrite', { type: 'copy' }, true));
  const status = el('p', DECISIONS[state.decision], 'status');
  status.setAttribute('role', 'status');

  const table = el('table');
  const head = el('tr');
  head.append(el('th', 'Axis'), el('th', 'Before'), el('th', 'After'));
  table.append(head);
  for (const row of state.axes) {
    const tr = el('tr');
    tr.append(el('td', row.label), el('td', String(row.before)), el('td', String(row.after), row.after > row.before ? 'up' : undefined));
    table.append(tr);
  }

  const reasons = el('ul');
  for (const reason of state.reasons) {
    const item = el('li');
    item.append(el('strong', reason.strategy), document.createTextNode(` — ${reason.text}`));
    reasons.append(item);
  }
  const candidates = el('ul');
  for (const candidate of state.candidates) candidates.append(el('li', `${candidate.style}: ${candidate.total}/50${candidate.chosen ? ' (chosen)' : ''}`));

  root.replaceChildren(
    header,
    actions,
    status,
    el('h2', 'Scores'),
    table,
    el('h2', 'Why each change'),
    reasons,
    el('h2', 'Rewrite'),
    el('pre', state.rewrite, 'rewrite'),
    el('h2', 'Candidates'),
    candidates,
  );
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message?.type !== 'state') return;
  vscode.setState(message.state);
  render(message.state);
});

const saved = vscode.getState() as PanelState | undefined;
if (saved) render(saved);
vscode.postMessage({ type: 'ready' });
