/**
 * The result panel inside its webview: renders the state the host sends with DOM nodes and
 * `textContent` only (prompt text is never parsed as HTML), turns clicks into messages, and tells the host
 * when a state is on screen. The last state (with the diff layout chosen) is kept with setState so the
 * panel comes back after a reload.
 */
import type { HostMessage, PanelState, WebviewMessage } from '../../shared/resultPanelProtocol';
import { renderPanel } from './render';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const post = (message: WebviewMessage) => vscode.postMessage(message);

function render(state: PanelState): void {
  // A re-render replaces every node: keep the keyboard focus on the same control.
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
  root.replaceChildren(...renderPanel(state, post));
  if (focused) root.querySelector<HTMLElement>(`[data-key="${focused}"]`)?.focus();
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message?.type !== 'state') return;
  vscode.setState(message.state);
  render(message.state);
  reportRendered(message.seq);
});

/**
 * Tells the host once the frame showing state `seq` is drawn: it measures "command to panel rendered" up
 * to here. NOTE: a webview that is hidden or not yet laid out gets no frames, so after 500 ms the report
 * goes anyway (the content is in the page) rather than leaving the host waiting.
 */
function reportRendered(seq: number): void {
  let sent = false;
  const send = (painted: boolean) => {
    if (sent) return;
    sent = true;
    post({ type: 'rendered', seq, painted });
  };
  requestAnimationFrame(() => setTimeout(() => send(true), 0));
  setTimeout(() => send(false), 500);
}

const saved = vscode.getState() as PanelState | undefined;
if (saved?.diff) render(saved);
post({ type: 'ready' });
