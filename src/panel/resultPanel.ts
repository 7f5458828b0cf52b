/**
 * The result panel beside the editor: the rewrite, why each change was made, the scores before and after,
 * the candidates and the time to result, with Accept all / Reject all / Copy. One panel, reused; it follows
 * the inline diff of the document it was opened for, and comes back after a reload (read-only then).
 */
import * as vscode from 'vscode';
import type { ImproveResult } from '../core/engine/improvePrompt';
import type { InlineDiffManager } from '../inlineDiff/inlineDiffManager';
import type { PanelState, WebviewMessage } from '../shared/resultPanelProtocol';
import { assertNever, parseWebviewMessage } from '../shared/resultPanelProtocol';
import { panelState } from './panelState';
import { resultPanelHtml } from './resultPanelHtml';

/** The webview's view type (also its `onWebviewPanel:` activation event). */
export const RESULT_PANEL_VIEW_TYPE = 'prompter.result';

/** Owns the one result panel. */
export class ResultPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: PanelState | undefined;
  private target: vscode.Uri | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly diffs: InlineDiffManager,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      diffs.onDidEnd(({ uri, outcome }) => {
        if (this.state && this.target?.toString() === uri.toString()) this.post({ ...this.state, decision: outcome ?? 'ended' });
      }),
      vscode.window.registerWebviewPanelSerializer(RESULT_PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, saved: unknown) => {
          // After a reload the diff is gone: the restored panel shows the last state, buttons off.
          this.adopt(panel);
          const restored = saved as PanelState | undefined;
          if (restored?.rewrite !== undefined) this.state = { ...restored, decision: restored.decision === 'open' ? 'ended' : restored.decision };
          return Promise.resolve();
        },
      }),
    );
  }

  /** Shows `result` for the inline diff in `uri`, beside the editor, without taking the focus. */
  show(uri: vscode.Uri, result: ImproveResult, timeMs: number): void {
    this.target = uri;
    const state = panelState(vscode.workspace.asRelativePath(uri), result, timeMs, 'open');
    if (!this.panel) {
      this.adopt(
        vscode.window.createWebviewPanel(RESULT_PANEL_VIEW_TYPE, vscode.l10n.t('Prompt result'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {}),
      );
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.post(state);
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
    panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw), undefined, this.subscriptions);
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
  }

  /** Sends the whole state (the webview keeps no state of its own but what it was last sent). */
  private post(state: PanelState): void {
    this.state = state;
    void this.panel?.webview.postMessage({ type: 'state', state });
  }

  private receive(raw: unknown): void {
    const message: WebviewMessage | undefined = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn(`result panel: ignored a malformed message ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        if (this.state) this.post(this.state);
        break;
      case 'accept':
      case 'reject':
        void this.decideAll(message.type === 'accept');
        break;
      case 'copy':
        if (this.state) void vscode.env.clipboard.writeText(this.state.rewrite);
        break;
      default:
        assertNever(message);
    }
  }

  private async decideAll(accept: boolean): Promise<void> {
    const uri = this.target;
    if (!uri || !this.diffs.session(uri)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The inline diff for this result has ended: run Improve Prompt again.'));
      return;
    }
    try {
      await this.diffs.decideAll(uri, accept);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`result panel: ${accept ? 'accept' : 'reject'} all failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Prompter could not apply the decision: {0}', message));
    }
  }
}
