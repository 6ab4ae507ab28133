// Tasks whose result is text for the document: summarization, translation, fill-mask
// (one undoable edit replacing the selection or below it) and text generation
// (streamed into the document as it arrives).
import type { TaskOutputs } from '../executor';
import type { CommandArgs, Placement } from './commandArgs';
import { chooseModel, withParameters, type CommandContext } from './commandContext';
import { readTextSource } from './editorInput';
import { choosePlacement, openUntitled, reportOutcome, revealResult, TextTarget } from './editorResults';
import { fillMaskText, findMaskToken } from './format';
import { taskInfo } from './lazyExecutor';
import { StreamingInsert } from './streamingInsert';
import { showInfo, showWarning } from './notify';

type RewriteTask = 'TASK_SUMMARIZATION' | 'TASK_TRANSLATION' | 'TASK_FILL_MASK';

const VERB: Record<RewriteTask | 'TASK_TEXT_GENERATION', string> = {
  TASK_SUMMARIZATION: 'summarize',
  TASK_TRANSLATION: 'translate',
  TASK_FILL_MASK: 'fill in',
  TASK_TEXT_GENERATION: 'continue',
};

function resultText(task: RewriteTask, output: TaskOutputs[RewriteTask], original: string): string | undefined {
  if (task === 'TASK_SUMMARIZATION') return (output as TaskOutputs['TASK_SUMMARIZATION']).summary_text;
  if (task === 'TASK_TRANSLATION') return (output as TaskOutputs['TASK_TRANSLATION']).translation_text;
  return fillMaskText(original, (output as TaskOutputs['TASK_FILL_MASK']).results);
}

export async function rewriteSelection<T extends RewriteTask>(ctx: CommandContext, taskId: T, args: CommandArgs): Promise<TaskOutputs[T] | undefined> {
  const task = await taskInfo(taskId);
  const source = readTextSource(ctx.settings.current, VERB[taskId]);
  if (!source) return undefined;
  if (taskId === 'TASK_FILL_MASK' && !findMaskToken(source.text)) {
    void showWarning('Fill Mask needs a mask token where the missing word goes: [MASK] for BERT-style models, <mask> for RoBERTa-style ones.');
    return undefined;
  }
  const target = new TextTarget(source);
  try {
    const model = await chooseModel(ctx, task, args);
    const placement = model && (await choosePlacement(args, ctx.settings.current));
    if (!model || !placement) return undefined;
    const result = await ctx.runner.execute(taskId, model, { inputs: source.text, ...withParameters(args) });
    if (!result) return undefined;
    const text = resultText(taskId, result.output, source.text);
    if (!text) {
      void showInfo(`${task.title} with ${model} returned no text.`);
      return result.output;
    }
    const outcome = await target.apply(text, placement);
    if (outcome.kind !== 'notApplied') revealResult(source.document, outcome.range);
    reportOutcome(outcome, task.title, text);
    return result.output;
  } finally {
    target.dispose();
  }
}

export async function generateText(ctx: CommandContext, args: CommandArgs): Promise<TaskOutputs['TASK_TEXT_GENERATION'] | undefined> {
  const task = await taskInfo('TASK_TEXT_GENERATION');
  const source = readTextSource(ctx.settings.current, VERB.TASK_TEXT_GENERATION);
  if (!source) return undefined;
  const target = new TextTarget(source);
  let received = '';
  let placement: Placement = 'insertBelow';
  const inserter = new StreamingInsert(source.document, async (text, undo) => {
    const outcome = await target.apply(text, placement, undo);
    if (outcome.kind === 'notApplied') return undefined;
    reportOutcome(outcome, task.title, text);
    return outcome.range.end;
  });
  try {
    const model = await chooseModel(ctx, task, args);
    const chosen = model && (await choosePlacement(args, ctx.settings.current));
    if (!model || !chosen) return undefined;
    placement = chosen;
    const result = await ctx.runner.stream('TASK_TEXT_GENERATION', model, { inputs: source.text, ...withParameters(args) }, (text) => {
      received += text;
      inserter.push(text);
    }, inserter.lostSignal);
    const unwritten = await inserter.finish();
    if (unwritten) {
      void showWarning('The text around the insertion point was edited, so the generated text was not all written. The whole text is one click away.', 'Open in New Editor')
        .then((c) => c && openUntitled(received, 'plaintext'));
    } else if (result && !received) {
      void showInfo(`${task.title} with ${model} returned no text.`);
    }
    return result && { generated_text: result.output };
  } finally {
    inserter.dispose();
    target.dispose();
  }
}
