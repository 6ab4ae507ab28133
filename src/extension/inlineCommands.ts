// Tasks whose results are shown inline, next to the text they describe: text and
// zero-shot classification (top label at the end of the line, all labels on hover),
// token classification (entities coloured by label) and sentence similarity (a
// score after each line).
import * as vscode from 'vscode';
import type { TaskInfo, TaskOutputs } from '../executor';
import { parseLabels, type CommandArgs } from './commandArgs';
import { chooseModel, withParameters, type CommandContext } from './commandContext';
import { readTextSource, type TextSource } from './editorInput';
import { TextTarget } from './editorResults';
import { formatScore, inlineLabel, inlineText, ranked, zipLabels, type LabelScore } from './format';
import { labelsHover, resultHover, scoredLine } from './hovers';
import { colorFor, type InlineResult } from './inlineDecorations';
import type { OffsetRange } from './rangeTracking';
import { taskInfo } from './lazyExecutor';
import { nonBlankLines, spanToUtf16 } from './textSpans';
import { isOpenInEditor } from './trackedRanges';
import { showInfo, showWarning } from './notify';

const LABELS_KEY = 'huggingface.zeroShotLabels';

/**
 * Shows the results once the run is over, at the text's current place. If that text
 * was edited meanwhile, the offsets no longer hold: the user is told, and the result
 * stays one click away.
 */
export function showInline(ctx: CommandContext, target: TextTarget, task: TaskInfo, resultId: number, build: (subject: OffsetRange) => InlineResult[]): void {
  const subject = target.subject;
  if (!subject || !isOpenInEditor(target.document)) {
    ctx.history.offer(`The text changed while ${task.title} ran, so its result is not shown inline.`, resultId);
    return;
  }
  ctx.inline.show(target.document, subject, build(subject));
}

/** The common path: read the text, pick the model, run, show. */
async function runInline<T extends keyof TaskOutputs>(
  ctx: CommandContext,
  taskId: T,
  args: CommandArgs,
  what: string,
  input: (source: TextSource) => Promise<Record<string, unknown> | undefined>,
  build: (output: TaskOutputs[T], source: TextSource, subject: OffsetRange, resultId: number, task: TaskInfo, model: string) => InlineResult[],
): Promise<TaskOutputs[T] | undefined> {
  const task = await taskInfo(taskId);
  const source = readTextSource(ctx.settings.current, what);
  if (!source) return undefined;
  const target = new TextTarget(source);
  try {
    const taskInput = await input(source);
    const model = taskInput && (await chooseModel(ctx, task, args));
    if (!taskInput || !model) return undefined;
    const result = await ctx.runner.execute(taskId, model, taskInput);
    if (!result) return undefined;
    showInline(ctx, target, task, result.id, (subject) => build(result.output, source, subject, result.id, task, model));
    return result.output;
  } finally {
    target.dispose();
  }
}

function labelResult(items: LabelScore[], subject: OffsetRange, resultId: number, task: TaskInfo, model: string): InlineResult[] {
  if (!items.length) {
    void showInfo(`${task.title} with ${model} returned no labels.`);
    return [];
  }
  const text = inlineLabel(items[0]);
  // Also in the status bar: with a whole document, the line may be out of sight.
  vscode.window.setStatusBarMessage(`$(tag) ${task.title}: ${text}`, 8000);
  return [{ kind: 'label', range: subject, text, hover: labelsHover(task.title, model, items, resultId) }];
}

export function classifyText(ctx: CommandContext, args: CommandArgs) {
  return runInline(ctx, 'TASK_TEXT_CLASSIFICATION', args, 'classify',
    async (source) => ({ inputs: source.text, ...withParameters(args) }),
    (output, _source, subject, id, task, model) => labelResult(ranked(output.results), subject, id, task, model));
}

export function zeroShotClassify(ctx: CommandContext, args: CommandArgs) {
  return runInline(ctx, 'TASK_ZERO_SHOT_CLASSIFICATION', args, 'classify',
    async (source) => {
      const labels = args.labels ?? (await askLabels(ctx.state));
      if (!labels) return undefined;
      const multi = args.multiLabel === undefined ? {} : { multi_label: args.multiLabel };
      return { inputs: source.text, ...withParameters(args, { candidate_labels: labels, ...multi }) };
    },
    (output, _source, subject, id, task, model) => labelResult(zipLabels(output.labels, output.scores), subject, id, task, model));
}

async function askLabels(state: vscode.Memento): Promise<string[] | undefined> {
  const value = await vscode.window.showInputBox({
    title: 'Zero-Shot Classification: candidate labels',
    prompt: 'The labels to choose from, separated by commas',
    placeHolder: 'e.g. bug report, feature request, question',
    value: state.get<string[]>(LABELS_KEY, []).join(', '),
    ignoreFocusOut: true,
    validateInput: (v) => (parseLabels(v).length ? undefined : 'Enter at least one label.'),
  });
  const labels = value === undefined ? undefined : parseLabels(value);
  if (labels?.length) await state.update(LABELS_KEY, labels);
  return labels?.length ? labels : undefined;
}

export function findEntities(ctx: CommandContext, args: CommandArgs) {
  return runInline(ctx, 'TASK_TOKEN_CLASSIFICATION', args, 'search for entities',
    // Grouped entities ("Sarah Jessica Parker"), not word pieces, unless asked otherwise.
    async (source) => ({ inputs: source.text, ...withParameters(args, { aggregation_strategy: 'simple' }) }),
    (output, source, subject, id, task, model) => {
      const spans = output.results.flatMap((entity): InlineResult[] => {
        const span = spanToUtf16(source.text, entity.start, entity.end);
        if (!span || span.end === span.start) return [];
        return [{
          kind: 'span',
          range: { start: subject.start + span.start, end: subject.start + span.end },
          text: inlineText(entity.entity_group, 20),
          color: colorFor(entity.entity_group),
          hover: resultHover(task.title, model, scoredLine(entity.entity_group, entity.score, entity.word), id),
        }];
      });
      if (!spans.length) void showInfo(`${task.title} with ${model} found no entities.`);
      return spans;
    });
}

export function sentenceSimilarity(ctx: CommandContext, args: CommandArgs) {
  return runInline(ctx, 'TASK_SENTENCE_SIMILARITY', args, 'compare',
    async (source) => {
      const lines = nonBlankLines(source.text);
      if (lines.length < 2) {
        void showWarning('Select at least two lines: the first line is compared with each of the others.');
        return undefined;
      }
      return { inputs: { source_sentence: lines[0].text, sentences: lines.slice(1).map((l) => l.text) }, ...withParameters(args) };
    },
    (output, source, subject, id, task, model) => {
      const lines = nonBlankLines(source.text);
      const others = lines.slice(1);
      const hover = labelsHover(task.title, model, others.map((l, i) => ({ label: l.text, score: output.scores[i] ?? Number.NaN })), id);
      const at = (l: OffsetRange) => ({ start: subject.start + l.start, end: subject.start + l.end });
      return [
        { kind: 'label', range: at(lines[0]), text: 'source sentence', hover },
        ...others.map((line, i): InlineResult => ({ kind: 'label', range: at(line), text: `similarity ${formatScore(output.scores[i] ?? Number.NaN)}`, hover })),
      ];
    });
}
