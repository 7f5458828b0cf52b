/**
 * The insights dashboard inside its webview: draws the state the host sends (DOM and SVG built with
 * `textContent` only), reports back how long the drawing took, and turns clicks into messages. The last
 * state is kept with setState so the dashboard comes back after a reload; charts are redrawn when the
 * panel's width changes.
 */
import type { InsightsHostMessage, InsightsState, InsightsWebviewMessage } from '../../shared/insightsProtocol';
import type { PlacedCard } from './card';
import { drawChart } from './card';
import { renderDashboard } from './dashboard';

interface VsCodeApi {
  postMessage(message: InsightsWebviewMessage): void;
  getState(): unknown;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What survives a reload: the last state and which cards show tables. */
interface SavedState {
  state: InsightsState;
  tables: string[];
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const saved = vscode.getState() as SavedState | undefined;
const tables = new Set<string>(saved?.tables ?? []);
let current: InsightsState | undefined = saved?.state;
let placed: PlacedCard[] = [];
let drawnWidth = 0;

const context = {
  post: (message: InsightsWebviewMessage) => vscode.postMessage(message),
  asTable: (id: string) => tables.has(id),
  toggle: (id: string) => {
    if (!tables.delete(id)) tables.add(id);
    if (current) show(current, false);
    root.querySelector<HTMLButtonElement>(`[aria-labelledby="card-${id}"] button.toggle`)?.focus();
  },
};

function drawCharts(): void {
  // One layout read for every box, then the drawing: no read/write interleaving.
  const widths = placed.map((p) => p.chartBox?.clientWidth ?? 0);
  placed.forEach((p, index) => drawChart(p, widths[index]!));
  drawnWidth = root.clientWidth;
}

/** Draws `state`; when `report`, tells the host how long building and laying out the page took. */
function show(state: InsightsState, report: boolean): void {
  const started = performance.now();
  current = state;
  vscode.setState({ state, tables: [...tables] });
  placed = renderDashboard(root, state, context);
  drawCharts();
  void root.getBoundingClientRect().height; // forces the layout, so the figure includes it
  const ms = Math.round((performance.now() - started) * 10) / 10;
  document.body.dataset.renderMs = String(ms);
  document.body.dataset.generation = String(state.generation);
  if (report) vscode.postMessage({ type: 'rendered', generation: state.generation, ms });
}

window.addEventListener('message', (event: MessageEvent<InsightsHostMessage>) => {
  const message = event.data;
  if (message?.type === 'state' && typeof message.state === 'object') show(message.state, true);
});

let resizeFrame = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => {
    if (Math.abs(root.clientWidth - drawnWidth) > 4) drawCharts();
  });
}).observe(root);

if (current) show(current, false);
vscode.postMessage({ type: 'ready' });
