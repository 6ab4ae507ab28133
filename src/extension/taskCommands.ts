// The command table: one command per task (and "Run Task…" to pick any of the 17),
// each naming its task and its handler. Text commands take an options object as their
// argument (see commandArgs.ts); media commands take a file URI.
import * as vscode from 'vscode';
import type { TaskId } from '../executor';
import { ChatSessions } from './chat';
import { parseCommandArgs } from './commandArgs';
import type { CommandContext } from './commandContext';
import { classifyText, findEntities, sentenceSimilarity, zeroShotClassify } from './inlineCommands';
import { runMediaTask } from './mediaCommands';
import { answerQuestion, answerTableQuestion } from './questionCommands';
import { loadExecutor } from './lazyExecutor';
import { generateText, rewriteSelection } from './textCommands';

interface TaskCommand {
  command: string;
  task: TaskId;
  /** Where the result shows, for the "Run Task…" picker. */
  result: string;
  run: (ctx: CommandContext, args: unknown[], chat: ChatSessions) => Promise<unknown>;
}

// Text commands: an options object as the first argument (the editor context menu passes a URI, ignored).
const options = (args: unknown[]) => parseCommandArgs(args[0]);

export const TASK_COMMANDS: readonly TaskCommand[] = [
  { command: 'huggingface.generateText', task: 'TASK_TEXT_GENERATION', result: 'streams the continuation into the editor', run: (c, a) => generateText(c, options(a)) },
  { command: 'huggingface.fillMask', task: 'TASK_FILL_MASK', result: 'fills the [MASK] in the selection', run: (c, a) => rewriteSelection(c, 'TASK_FILL_MASK', options(a)) },
  { command: 'huggingface.summarize', task: 'TASK_SUMMARIZATION', result: 'replaces the selection or inserts below it', run: (c, a) => rewriteSelection(c, 'TASK_SUMMARIZATION', options(a)) },
  { command: 'huggingface.classifyText', task: 'TASK_TEXT_CLASSIFICATION', result: 'top label at the end of the line', run: (c, a) => classifyText(c, options(a)) },
  { command: 'huggingface.findEntities', task: 'TASK_TOKEN_CLASSIFICATION', result: 'entities highlighted in the text', run: (c, a) => findEntities(c, options(a)) },
  { command: 'huggingface.translate', task: 'TASK_TRANSLATION', result: 'replaces the selection or inserts below it', run: (c, a) => rewriteSelection(c, 'TASK_TRANSLATION', options(a)) },
  { command: 'huggingface.zeroShotClassify', task: 'TASK_ZERO_SHOT_CLASSIFICATION', result: 'your labels, scored at the end of the line', run: (c, a) => zeroShotClassify(c, options(a)) },
  { command: 'huggingface.answerQuestion', task: 'TASK_QUESTION_ANSWERING', result: 'the answer highlighted in the text', run: (c, a) => answerQuestion(c, options(a)) },
  { command: 'huggingface.answerTableQuestion', task: 'TASK_TABLE_QUESTION_ANSWERING', result: 'the answer cells highlighted in the table', run: (c, a) => answerTableQuestion(c, options(a)) },
  { command: 'huggingface.sentenceSimilarity', task: 'TASK_SENTENCE_SIMILARITY', result: 'a score after each line', run: (c, a) => sentenceSimilarity(c, options(a)) },
  { command: 'huggingface.chat', task: 'TASK_CONVERSATIONAL', result: 'a chat document, replies streamed', run: (_c, a, chat) => chat.chat(options(a)) },
  { command: 'huggingface.classifyImage', task: 'TASK_IMAGE_CLASSIFICATION', result: 'labels for an image file', run: (c, a) => runMediaTask(c, 'TASK_IMAGE_CLASSIFICATION', a) },
  { command: 'huggingface.segmentImage', task: 'TASK_IMAGE_SEGMENTATION', result: 'segments of an image file', run: (c, a) => runMediaTask(c, 'TASK_IMAGE_SEGMENTATION', a) },
  { command: 'huggingface.detectObjects', task: 'TASK_OBJECT_DETECTION', result: 'objects in an image file', run: (c, a) => runMediaTask(c, 'TASK_OBJECT_DETECTION', a) },
  { command: 'huggingface.captionImage', task: 'TASK_IMAGE_TO_TEXT', result: 'a caption for an image file', run: (c, a) => runMediaTask(c, 'TASK_IMAGE_TO_TEXT', a) },
  { command: 'huggingface.transcribeAudio', task: 'TASK_SPEECH_RECOGNITION', result: 'the transcript of an audio file', run: (c, a) => runMediaTask(c, 'TASK_SPEECH_RECOGNITION', a) },
  { command: 'huggingface.classifyAudio', task: 'TASK_AUDIO_CLASSIFICATION', result: 'labels for an audio file', run: (c, a) => runMediaTask(c, 'TASK_AUDIO_CLASSIFICATION', a) },
];

export function registerTaskCommands(ctx: CommandContext, chat: ChatSessions): vscode.Disposable[] {
  return [
    ...TASK_COMMANDS.map((c) => vscode.commands.registerCommand(c.command, (...args: unknown[]) => c.run(ctx, args, chat))),
    vscode.commands.registerCommand('huggingface.runTask', (arg?: unknown) => runAnyTask(arg)),
  ];
}

/** `huggingface.runTask`: pick one of the 17 tasks, or name it as `{ task, ...options }`. */
async function runAnyTask(arg: unknown): Promise<unknown> {
  const named = typeof (arg as { task?: unknown })?.task === 'string' ? TASK_COMMANDS.find((c) => c.task === (arg as { task: string }).task) : undefined;
  if (named) return vscode.commands.executeCommand(named.command, arg);
  const { TASK_TABLE } = await loadExecutor();
  const items = TASK_TABLE.map((t) => {
    const command = TASK_COMMANDS.find((c) => c.task === t.id);
    const served = t.availability === 'endpoint' ? ' · needs an endpoint' : t.streams ? ' · streams' : '';
    return { label: t.title, description: `${command?.result ?? ''}${served}`, command: command?.command };
  });
  const picked = await vscode.window.showQuickPick(items, { title: 'Hugging Face: Run Task', placeHolder: 'Which task? Text tasks use the selection (or the whole document)', matchOnDescription: true });
  return picked?.command && vscode.commands.executeCommand(picked.command);
}
