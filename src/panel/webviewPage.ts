/** The HTML shell every webview of the extension uses: a strict CSP, one script with a fresh nonce, styles from media/. */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** What goes into the shell; content arrives later as messages and is rendered by the script. */
export interface WebviewPageParts {
  scriptUri: vscode.Uri;
  styleUri: vscode.Uri;
  /** The document title. */
  title: string;
  /** Shown until the script has rendered the first state. */
  placeholder: string;
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page for `webview`. */
export function webviewPage(webview: vscode.Webview, parts: WebviewPageParts): string {
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
<link rel="stylesheet" href="${parts.styleUri.toString()}">
<title>${escapeText(parts.title)}</title>
</head>
<body>
<main id="root"><p>${escapeText(parts.placeholder)}</p></main>
<script nonce="${nonce}" src="${parts.scriptUri.toString()}"></script>
</body>
</html>`;
}

/**
 * Makes `panel` show one of the extension's webviews: scripts on, resources only from media/ and the
 * webview build, the page for `script` (dist/webview/<name>.js) and `style` (media/<name>.css).
 */
export function loadWebviewPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, page: { script: string; style: string; title: string; placeholder: string }): void {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const scripts = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  panel.webview.options = { enableScripts: true, localResourceRoots: [media, scripts] };
  panel.webview.html = webviewPage(panel.webview, {
    scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(scripts, page.script)),
    styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, page.style)),
    title: page.title,
    placeholder: page.placeholder,
  });
}
