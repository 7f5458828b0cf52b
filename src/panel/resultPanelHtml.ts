/** The result panel's HTML shell: a strict CSP, one script with a fresh nonce, styles from media/. */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/** The page for `webview`; content arrives later as messages and is rendered by the script. */
export function resultPanelHtml(webview: vscode.Webview, scriptUri: vscode.Uri, styleUri: vscode.Uri): string {
  // A fresh nonce per page from a cryptographic source: only our script tag can run.
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri.toString()}">
<title>Prompt result</title>
</head>
<body>
<main id="root"><p>Loading…</p></main>
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}
