// The "Hugging Face" log channel: each run (task, model, outcome, duration) and each
// HTTP exchange (method, URL, status, duration). Nothing that reaches it carries the
// token: requests are reported without headers, and error messages come from the
// executor, which removes tokens from them.
import * as vscode from 'vscode';
import type { RequestRecord } from './requestLog';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Hugging Face', { log: true });
}

export function logRequest(log: vscode.LogOutputChannel, r: RequestRecord): void {
  const outcome = r.error ? `${r.status ?? 'no response'}, ${r.error}` : String(r.status ?? '?');
  const line = `${r.method} ${r.url} → ${outcome} (${r.durationMs} ms)`;
  if (r.error || (r.status ?? 0) >= 400) log.warn(line);
  else log.info(line);
}
