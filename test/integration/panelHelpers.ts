/**
 * Steps the result panel tests share: wait for the webview to report a state on screen, and seed a
 * prompt straight into the workspace's store (as another window or the CLI would) with chosen scores.
 */
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { Scorecard } from '../../src/core/types';
import type { PanelRender } from '../../src/panel/resultPanel';
import type { PanelState } from '../../src/shared/resultPanelProtocol';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';

/**
 * The next state the webview reports rendered that matches `wanted` (call before the action that causes it).
 * NOTE: a minute, not seconds: the first panel of a run loads its webview in code-server, which took 6–8 s
 * on a two-core machine running other suites and over 15 s once (CI, load average 5).
 */
export function nextRender(api: PrompterApi, wanted: (state: PanelState) => boolean, timeoutMs = 60_000): Promise<PanelRender> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no matching panel render within ${timeoutMs} ms; the panel shows ${JSON.stringify(api.resultPanel.state())?.slice(0, 300)}`));
    }, timeoutMs);
    const subscription = api.resultPanel.onDidRender((render) => {
      if (!wanted(render.state)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(render);
    });
  });
}

/** The first workspace folder's store: its key (as the extension names it) and a second handle on it. */
export function workspaceStore() {
  const folder = vscode.workspace.workspaceFolders![0]!;
  const uri = vscode.Uri.joinPath(folder.uri, '.prompter');
  return { historyKey: uri.toString(), repository: openHistoryStore(uri.fsPath) };
}

/** A scorecard whose axes are all `axis` (0–10). */
export function flatScore(card: Scorecard, axis: number): Scorecard {
  return { ...card, clarity: axis, specificity: axis, actionability: axis, structure: axis, contextUse: axis, total: axis * 5 };
}
