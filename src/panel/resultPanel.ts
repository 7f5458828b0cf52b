/**
 * The result panel beside the editor: one panel, reused. It shows either the result of an inline diff
 * (following the diff's decision) or a stored version (a version opened from the history, an Improve
 * Again result), sends the webview the whole state on every change, and comes back after a reload.
 * What its buttons do is in panelActions.ts.
 */
import * as vscode from 'vscode';
import type { EngineResult } from '../core/model/improveWithModel';
import type { StoredRun } from '../history/improveIntoHistory';
import type { InlineDiffManager } from '../inlineDiff/inlineDiffManager';
import type { InlineDiffSession } from '../inlineDiff/inlineDiffSession';
import type { PanelLayout, PanelState, WebviewMessage } from '../shared/resultPanelProtocol';
import { assertNever, parseWebviewMessage } from '../shared/resultPanelProtocol';
import { EditorTarget } from './editorTarget';
import { handlePanelMessage } from './panelActions';
import { resultPanelState, runVersion, withDecisions } from './panelState';
import { resultPanelHtml } from './resultPanelHtml';

/** The webview's view type (also its `onWebviewPanel:` activation event). */
export const RESULT_PANEL_VIEW_TYPE = 'prompter.result';

/** A state the webview has put on screen, and when the host heard of it (performance.now()). */
export interface PanelRender {
  state: PanelState;
  seq: number;
  renderedAt: number;
  /** False when the webview drew no frame in time (hidden) and reported the content in the page instead. */
  painted: boolean;
}

/** A state saved by an older webview has none of today's fields: it is not restored. */
const isPanelState = (value: unknown): value is PanelState =>
  typeof value === 'object' && value !== null && 'diff' in value && 'origin' in value && typeof (value as PanelState).rewrite === 'string';

/** Owns the one result panel. */
export class ResultPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: PanelState | undefined;
  /** The document whose inline diff the shown result belongs to. */
  private target: vscode.Uri | undefined;
  /**
   * The inline diff session the shown result belongs to. The panel's Accept all / Reject all act on this
   * session only: once it has ended (or another session took its document) they do nothing.
   */
  private session: InlineDiffSession | undefined;
  /** True once `session` has been seen live in its document (the panel opens just before the diff shows). */
  private sessionSeen = false;
  private seq = 0;
  /** The person's last diff layout, used for every result after it. */
  private layout: PanelLayout = 'inline';
  private readonly rendered = new vscode.EventEmitter<PanelRender>();
  readonly editors = new EditorTarget();
  /** Fires when the webview reports it has rendered the latest state. */
  readonly onDidRender = this.rendered.event;
  private readonly subscriptions: vscode.Disposable[] = [this.rendered, this.editors];

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly diffs: InlineDiffManager,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      diffs.onDidChange((uri) => {
        if (this.target?.toString() === uri.toString()) this.follow();
      }),
      diffs.onDidEnd(({ uri, outcome }) => {
        if (this.target?.toString() !== uri.toString()) return;
        const state = this.state;
        // Without a known session (a state from before a reload), the document's diff ending ends this one.
        if (!this.session && state?.origin.kind === 'inlineDiff' && state.origin.decision === 'open') this.post({ ...state, origin: { kind: 'inlineDiff', decision: outcome ?? 'ended' } });
        else this.follow(true);
      }),
      vscode.window.registerWebviewPanelSerializer(RESULT_PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, saved: unknown) => {
          if (!isPanelState(saved)) {
            panel.dispose();
            return Promise.resolve();
          }
          // After a reload the inline diff is gone: its result comes back read-only.
          this.adopt(panel);
          this.session = undefined;
          this.layout = saved.layout;
          this.state = saved.origin.kind === 'inlineDiff' && saved.origin.decision === 'open' ? { ...saved, origin: { kind: 'inlineDiff', decision: 'ended' } } : saved;
          return Promise.resolve();
        },
      }),
    );
  }

  /** The state shown now; undefined when the panel is closed. */
  get current(): PanelState | undefined {
    return this.panel ? this.state : undefined;
  }

  /** The layout the next result opens in. */
  get preferredLayout(): PanelLayout {
    return this.layout;
  }

  /** The document whose inline diff the shown result belongs to, if any. */
  get inlineDiffDocument(): vscode.Uri | undefined {
    return this.state?.origin.kind === 'inlineDiff' ? this.target : undefined;
  }

  /** The inline diff session the shown result belongs to, if any. */
  get inlineDiffSession(): InlineDiffSession | undefined {
    return this.state?.origin.kind === 'inlineDiff' ? this.session : undefined;
  }

  /**
   * Shows `result` for the inline diff `session` in `uri`, beside the editor, without taking the focus.
   * The panel follows that session's decisions and its end, and its buttons act on it alone.
   */
  show(uri: vscode.Uri, result: EngineResult, timeMs: number, stored: StoredRun | undefined, session: InlineDiffSession): void {
    const version = stored && runVersion(stored, result.original, result.judge.after.total);
    const state = resultPanelState(result, {
      subject: vscode.workspace.asRelativePath(uri),
      beforeLabel: 'original',
      timeMs,
      origin: { kind: 'inlineDiff', decision: 'open' },
      layout: this.layout,
      ...(version ? { version } : {}),
    });
    this.showState(state, uri);
    this.session = session;
    this.sessionSeen = false;
  }

  /** Shows a state not tied to an inline diff (or, with `uri`, tied to that document's diff). */
  showState(state: PanelState, uri?: vscode.Uri): void {
    this.target = uri;
    this.session = undefined;
    if (!this.panel) {
      this.adopt(
        vscode.window.createWebviewPanel(RESULT_PANEL_VIEW_TYPE, vscode.l10n.t('Prompt result'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {}),
      );
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.post(state);
  }

  /**
   * Brings the shown inline diff result up to date with its session: the changes kept so far, and once
   * the session is no longer the live one in its document (decided, undone, edited, closed, replaced by a
   * new diff), the decision, which disables Accept all / Reject all. `ended`: a diff in its document has
   * just ended, so a session not live now is over even if it never showed (its start failed).
   */
  follow(ended = false): void {
    const state = this.state;
    const session = this.session;
    if (!session || !this.target || state?.origin.kind !== 'inlineDiff' || state.origin.decision !== 'open') return;
    const hunks = session.hunks.map((hunk) => ({ strategies: hunk.strategies, accepted: session.decisionOf(hunk.id) }));
    const live = this.diffs.session(this.target) === session;
    if (live) this.sessionSeen = true;
    // Not shown yet: the panel opens while the editor is still being given the diff.
    else if (!this.sessionSeen && !ended) return;
    const next = withDecisions(state, hunks, live ? undefined : session.complete ? session.outcome() : 'ended');
    if (JSON.stringify(next) !== JSON.stringify(state)) this.post(next);
  }

  /** Puts `notice` in the status line when the panel shows a version of `promptId` (Improve Again found nothing). */
  note(promptId: string, notice: string): void {
    const state = this.current;
    if (state?.version?.ref.promptId === promptId) this.post({ ...state, notice });
  }

  /** Handles one message from the webview (or from a test, through the API): validated, then acted on. */
  async receive(raw: unknown): Promise<void> {
    const message: WebviewMessage | undefined = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn(`result panel: ignored a malformed message ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        if (this.state) this.post(this.state);
        return;
      case 'rendered':
        // Only the latest state counts: an older one was replaced before it reached the screen.
        if (this.state && message.seq === this.seq) this.rendered.fire({ state: this.state, seq: message.seq, renderedAt: performance.now(), painted: message.painted });
        return;
      case 'layout':
        this.layout = message.layout;
        if (this.state) this.post({ ...this.state, layout: message.layout });
        return;
      case 'accept':
      case 'reject':
      case 'copy':
      case 'insert':
      case 'replace':
      case 'improveAgain':
      case 'openInHistory':
        if (this.state) await handlePanelMessage(this, this.state, message);
        return;
      default:
        assertNever(message);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const scripts = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media, scripts] };
    panel.webview.html = resultPanelHtml(
      panel.webview,
      panel.webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'resultPanel.js')),
      panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'resultPanel.css')),
    );
    panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw), undefined, this.subscriptions);
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
  }

  /** Sends the whole state (the webview keeps no state of its own but what it was last sent). */
  private post(state: PanelState): void {
    this.state = state;
    this.seq += 1;
    void this.panel?.webview.postMessage({ type: 'state', state, seq: this.seq });
  }
}
