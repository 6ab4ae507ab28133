// Questions about the editor's text: question answering (the answer highlighted in
// the selection or document) and table question answering (a CSV, TSV or Markdown
// table; the answer cells highlighted).
import * as vscode from 'vscode';
import type { TaskOutputs } from '../executor';
import type { CommandArgs } from './commandArgs';
import { chooseModel, withParameters, type CommandContext } from './commandContext';
import { readTextSource } from './editorInput';
import { TextTarget } from './editorResults';
import { escapeMarkdown, formatScore, inlineText } from './format';
import { resultHover } from './hovers';
import type { InlineResult } from './inlineDecorations';
import { showInline } from './inlineCommands';
import type { OffsetRange } from './rangeTracking';
import { taskInfo } from './lazyExecutor';
import { cellsAt, parseTable, tableInput, TableParseError, type Cell, type ParsedTable } from './tables';
import { locateAnswer } from './textSpans';
import { showWarning } from './notify';

function ask(title: string, prompt: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Type a question.') });
}


const shift = (subject: OffsetRange, r: OffsetRange): OffsetRange => ({ start: subject.start + r.start, end: subject.start + r.end });

export async function answerQuestion(ctx: CommandContext, args: CommandArgs): Promise<TaskOutputs['TASK_QUESTION_ANSWERING'] | undefined> {
  const task = await taskInfo('TASK_QUESTION_ANSWERING');
  const source = readTextSource(ctx.settings.current, 'search for answers in');
  if (!source) return undefined;
  const target = new TextTarget(source);
  try {
    const question = args.question ?? (await ask(task.title, source.wholeDocument ? 'Ask a question about this document' : 'Ask a question about the selected text'));
    const model = question?.trim() && (await chooseModel(ctx, task, args));
    if (!question || !model) return undefined;
    const result = await ctx.runner.execute('TASK_QUESTION_ANSWERING', model, { inputs: { question: question.trim(), context: source.text }, ...withParameters(args) });
    if (!result) return undefined;
    const { answer, score, start, stop } = result.output;
    const scored = score === undefined ? '' : ` (score ${formatScore(score)})`;
    const span = locateAnswer(source.text, answer, start, stop);
    if (span) {
      const hover = resultHover(task.title, model, `**Q:** ${escapeMarkdown(question)}\n\n**A:** ${escapeMarkdown(answer)}${scored}`, result.id);
      showInline(ctx, target, task, result.id, (subject) => [{ kind: 'highlight', range: shift(subject, span), hover }]);
      reveal(source.editor, target.subject && shift(target.subject, span));
    }
    ctx.history.offer(answer.trim() ? `Answer: ${inlineText(answer, 200)}${scored}` : `${model} found no answer.`, result.id);
    return result.output;
  } finally {
    target.dispose();
  }
}

export async function answerTableQuestion(ctx: CommandContext, args: CommandArgs): Promise<TaskOutputs['TASK_TABLE_QUESTION_ANSWERING'] | undefined> {
  const task = await taskInfo('TASK_TABLE_QUESTION_ANSWERING');
  const source = readTextSource(ctx.settings.current, 'ask about');
  if (!source) return undefined;
  let table: ParsedTable;
  try {
    table = parseTable(source.text);
  } catch (e) {
    if (!(e instanceof TableParseError)) throw e;
    const where = source.wholeDocument ? 'This document' : 'The selection';
    void showWarning(`${where} is not a table: ${e.message} Select a CSV, TSV or Markdown table, header row included.`);
    return undefined;
  }
  const target = new TextTarget(source);
  try {
    const query = args.query ?? args.question ?? (await ask(task.title, `Ask a question about this table (${table.header.length} columns, ${table.rows.length} rows)`));
    const model = query?.trim() && (await chooseModel(ctx, task, args));
    if (!query || !model) return undefined;
    const result = await ctx.runner.execute('TASK_TABLE_QUESTION_ANSWERING', model, { inputs: { query: query.trim(), table: tableInput(table) }, ...withParameters(args) });
    if (!result) return undefined;
    const { answer, aggregator, coordinates, cells: cellTexts } = result.output;
    const cells = coordinates ? cellsAt(table, coordinates) : table.rows.flat().filter((c) => cellTexts?.includes(c.text));
    const how = aggregator && aggregator !== 'NONE' ? ` (${aggregator})` : '';
    const hover = resultHover(task.title, model, `**Q:** ${escapeMarkdown(query)}\n\n**A:** ${escapeMarkdown(answer)}${escapeMarkdown(how)}`, result.id);
    showInline(ctx, target, task, result.id, (subject) => [
      { kind: 'label', range: headerRange(subject, table.header), text: `answer: ${inlineText(answer)}${how}`, hover },
      ...cells.map((cell): InlineResult => ({ kind: 'highlight', range: shift(subject, cell), hover })),
    ]);
    ctx.history.offer(answer.trim() ? `Answer: ${inlineText(answer, 200)}${how}` : `${model} found no answer in the table.`, result.id);
    return result.output;
  } finally {
    target.dispose();
  }
}

function headerRange(subject: OffsetRange, header: Cell[]): OffsetRange {
  return shift(subject, { start: header[0].start, end: header[header.length - 1].end });
}

function reveal(editor: vscode.TextEditor, range: OffsetRange | undefined): void {
  if (!range || vscode.window.activeTextEditor !== editor) return;
  const document = editor.document;
  editor.revealRange(new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
