/**
 * The insights dashboard: one webview panel showing one store (the active editor's workspace folder, or
 * the one picked in the dashboard). It reloads when that store changes — debounced, and only while the
 * panel is visible (a hidden one catches up when shown) — and comes back after a window reload.
 */
import * as vscode from 'vscode';
import type { HistoryStores, WorkspaceHistory } from '../history/historyStores';
import { loadWebviewPage } from '../panel/webviewPage';
import type { ExportFormat, InsightsModel, InsightsState } from '../shared/insightsProtocol';
import { parseInsightsMessage } from '../shared/insightsProtocol';
import { assertNever } from '../shared/resultPanelProtocol';
import { InsightsLoader } from './insightsLoader';
import { INSIGHTS_VIEW_TYPE } from './insightsViewType';
import { buildInsightsModel } from './insightsModel';

// An improve run writes several times (version, metric, learning, feedback): one reload per burst.
const REFRESH_DEBOUNCE_MS = 300;

/** The webview drew a state: what the integration tests and the UI check wait for. */
export interface InsightsRendered {
  storeKey: string;
  generation: number;
  /** Milliseconds the webview took to build and lay out the page. */
  renderMs: number;
  improveRuns: number;
  versions: number;
}

/** Owns the one dashboard panel. */
export class InsightsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private history: WorkspaceHistory | undefined;
  private state: InsightsState | undefined;
  private generation = 0;
  private stale = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly loaders = new Map<string, InsightsLoader>();
  private readonly rendered = new vscode.EventEmitter<InsightsRendered>();
  private readonly subscriptions: vscode.Disposable[] = [this.rendered];
  /** Fires each time the webview has drawn a state it was sent. */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly stores: HistoryStores,
    private readonly log: vscode.LogOutputChannel,
    private readonly exportAs: (format: ExportFormat) => Promise<unknown>,
  ) {
    this.subscriptions.push(stores.onDidChange((changed) => this.storeChanged(changed)));
  }

  /** Takes over a dashboard VS Code restored after a window reload; `saved` is the webview's saved state. */
  revive(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const key = (saved as { state?: { storeKey?: unknown } } | undefined)?.state?.storeKey;
    this.adopt(panel);
    this.history = (typeof key === 'string' ? this.stores.byKey(key) : undefined) ?? this.stores.forDocument(vscode.window.activeTextEditor?.document.uri);
    return this.reload();
  }

  /** Opens the dashboard on `history` (or reveals it there); resolves once its data was sent. */
  async show(history: WorkspaceHistory): Promise<InsightsState | undefined> {
    const switched = this.history?.key !== history.key;
    this.history = history;
    if (!this.panel) {
      this.adopt(vscode.window.createWebviewPanel(INSIGHTS_VIEW_TYPE, vscode.l10n.t('Prompter Insights'), vscode.ViewColumn.Active, {}));
    } else {
      this.panel.reveal();
    }
    if (switched || !this.state) this.post('loading');
    await this.reload();
    return this.state;
  }

  /** The store the dashboard shows, while it is open. */
  shown(): WorkspaceHistory | undefined {
    return this.panel ? this.history : undefined;
  }

  /** The model of `history`: the one shown when it is current, else read now. */
  async modelFor(history: WorkspaceHistory): Promise<InsightsModel> {
    if (this.panel && this.history?.key === history.key && this.state?.model && this.state.status === 'ready' && !this.stale && !this.timer) return this.state.model;
    return buildInsightsModel(await this.loaderFor(history).load());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    loadWebviewPage(panel, this.extensionUri, { script: 'insights.js', style: 'insights.css', title: 'Prompter Insights', placeholder: 'Reading the history…' });
    panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw), undefined, this.subscriptions);
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) void this.reload();
    }, undefined, this.subscriptions);
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.state = undefined;
      this.loaders.clear(); // the cached versions are only worth their memory while the dashboard is open
      clearTimeout(this.timer);
      this.timer = undefined;
    });
  }

  private loaderFor(history: WorkspaceHistory): InsightsLoader {
    let loader = this.loaders.get(history.key);
    if (!loader) {
      loader = new InsightsLoader(history.repository, () => history.learning.report());
      this.loaders.set(history.key, loader);
    }
    return loader;
  }

  private storeChanged(changed: WorkspaceHistory | undefined): void {
    if (!this.panel || !this.history) return;
    // Undefined: the set of stores changed (folders, the location setting); the shown one may be gone.
    if (!changed) this.history = this.stores.byKey(this.history.key) ?? this.stores.forDocument(vscode.window.activeTextEditor?.document.uri);
    else if (changed.key !== this.history.key) return;
    this.stale = true;
    if (!this.panel.visible) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, REFRESH_DEBOUNCE_MS);
  }

  /** Reads the shown store and sends it; calls during a read make one more read after it. */
  private reload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        this.stale = false;
        await this.loadOnce();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async loadOnce(): Promise<void> {
    const history = this.history;
    if (!history || !this.panel) return;
    try {
      const model = buildInsightsModel(await this.loaderFor(history).load());
      if (history === this.history) this.post('ready', model);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`insights (${history.location.label}): reading the history failed: ${message}`);
      if (history === this.history) this.post('error', this.state?.storeKey === history.key ? this.state.model : undefined, vscode.l10n.t('The history could not be read: {0} Details are in Output → Prompter.', message));
    }
  }

  /** Sends the whole state (the webview keeps nothing but what it was last sent). */
  private post(status: InsightsState['status'], model?: InsightsModel, error?: string): void {
    const history = this.history;
    if (!history || !this.panel) return;
    this.generation += 1;
    this.state = {
      generation: this.generation,
      storeKey: history.key,
      storeLabel: history.location.label,
      location: vscode.workspace.asRelativePath(history.location.uri, true),
      stores: this.stores.all().map((store) => ({ key: store.key, label: store.location.label })),
      status,
      ...(error ? { error } : {}),
      ...(model ? { model } : {}),
      updatedAt: Date.now(),
    };
    this.panel.title = vscode.l10n.t('Insights: {0}', history.location.label);
    void this.panel.webview.postMessage({ type: 'state', state: this.state });
  }

  private receive(raw: unknown): void {
    const message = parseInsightsMessage(raw);
    if (!message) {
      this.log.warn(`insights: ignored a malformed message ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        if (this.state) void this.panel?.webview.postMessage({ type: 'state', state: this.state });
        if (this.stale) void this.reload();
        break;
      case 'rendered':
        if (this.state && message.generation === this.state.generation) {
          this.rendered.fire({ storeKey: this.state.storeKey, generation: message.generation, renderMs: message.ms, improveRuns: this.state.model?.improveRuns ?? 0, versions: this.state.model?.versions ?? 0 });
        }
        break;
      case 'export':
        void this.exportAs(message.format);
        break;
      case 'selectStore': {
        const picked = this.stores.byKey(message.key);
        if (picked) void this.show(picked);
        break;
      }
      default:
        assertNever(message);
    }
  }
}
