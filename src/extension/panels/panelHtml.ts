// The task panel's HTML: a shell that loads the bundled script and styles, under
// a Content-Security-Policy that allows nothing else. No data goes into the HTML;
// the webview asks for it with a `ready` message.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The only folders a panel may load from: the bundled webview code and the stylesheet. */
export function panelResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `media-src ${cspSource} data: blob:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  // A fresh nonce per load, from the OS's cryptographic generator.
  const nonce = randomBytes(18).toString('base64');
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(asset('dist', 'webview', 'codicons', 'codicon.css'))}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${escapeHtml(asset('media', 'panel.css'))}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="app" aria-label="${escapeHtml(title)}"></main>
<script nonce="${nonce}" src="${escapeHtml(asset('dist', 'webview', 'main.js'))}"></script>
</body>
</html>`;
}
