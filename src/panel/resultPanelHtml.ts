/** The result panel's HTML shell (see webviewPage.ts). */
import type * as vscode from 'vscode';
import { webviewPage } from './webviewPage';

/** The page for `webview`; content arrives later as messages and is rendered by the script. */
export function resultPanelHtml(webview: vscode.Webview, scriptUri: vscode.Uri, styleUri: vscode.Uri): string {
  return webviewPage(webview, { scriptUri, styleUri, title: 'Prompt result', placeholder: 'Loading…' });
}
