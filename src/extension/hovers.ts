// Hovers for inline results. Model output is escaped; the only commands a hover may
// run open its own result: as JSON ("Show details") or in the task's panel.
import * as vscode from 'vscode';
import { escapeMarkdown, formatScore, labelTable, type LabelScore } from './format';

export const SHOW_DETAILS = 'huggingface.showDetails';
export const SHOW_RESULT_IN_PANEL = 'huggingface.showResultInPanel';

export function resultHover(title: string, model: string, body: string, resultId: number): vscode.MarkdownString {
  const args = encodeURIComponent(JSON.stringify([resultId]));
  const links = `[Open in panel](command:${SHOW_RESULT_IN_PANEL}?${args}) · [Show details](command:${SHOW_DETAILS}?${args})`;
  const md = new vscode.MarkdownString(`**${escapeMarkdown(title)}** · ${escapeMarkdown(model)}\n\n${body}\n\n${links}`);
  md.isTrusted = { enabledCommands: [SHOW_RESULT_IN_PANEL, SHOW_DETAILS] };
  md.supportHtml = false;
  return md;
}

export function labelsHover(title: string, model: string, items: readonly LabelScore[], resultId: number): vscode.MarkdownString {
  return resultHover(title, model, labelTable(items), resultId);
}

/** "**label** 0.999 — text" lines. */
export function scoredLine(label: string, score: number | undefined, text?: string): string {
  const scorePart = score === undefined ? '' : ` ${formatScore(score)}`;
  return `**${escapeMarkdown(label)}**${scorePart}${text ? ` — ${escapeMarkdown(text)}` : ''}`;
}
