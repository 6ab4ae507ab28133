// A simple chat (conversational task) in a Markdown document: `Hugging Face: Chat`
// starts one seeded with the selection; run it again from the chat document to reply.
// Replies stream in; the history travels as the spec's past_user_inputs /
// generated_responses. (The task panels bring a richer chat view.)
import * as vscode from 'vscode';
import type { TaskOutputs } from '../executor';
import type { CommandArgs } from './commandArgs';
import { chooseModel, withParameters, type CommandContext } from './commandContext';
import { replaceText } from './editorResults';
import { taskInfo } from './lazyExecutor';
import { StreamingInsert } from './streamingInsert';
import { TrackedRanges } from './trackedRanges';
import { showWarning } from './notify';

interface ChatSession {
  model: string;
  past_user_inputs: string[];
  generated_responses: string[];
}

export class ChatSessions implements vscode.Disposable {
  private readonly sessions = new Map<vscode.TextDocument, ChatSession>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((d) => this.sessions.delete(d));

  constructor(private readonly ctx: CommandContext) {}

  async chat(args: CommandArgs): Promise<TaskOutputs['TASK_CONVERSATIONAL'] | undefined> {
    const task = await taskInfo('TASK_CONVERSATIONAL');
    const editor = vscode.window.activeTextEditor;
    const existing = editor && this.sessions.get(editor.document);
    const selection = !existing && editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
    const limit = this.ctx.settings.current.maxInputCharacters;
    if (selection.length > limit) {
      void showWarning(`The selection has ${selection.length.toLocaleString('en')} characters; the limit is ${limit.toLocaleString('en')} (huggingface.maxInputCharacters). Select a part of it.`);
      return undefined;
    }
    const message =
      args.message ??
      (await vscode.window.showInputBox({
        title: existing ? `Chat with ${existing.model}` : 'Hugging Face: Chat',
        prompt: existing ? 'Your reply' : selection ? 'Ask about the selected text (leave empty to send the selection as it is)' : 'Your message',
        ignoreFocusOut: true,
      }));
    if (message === undefined) return undefined;
    const text = selection ? (message.trim() ? `${message.trim()}\n\n${selection}` : selection) : message.trim();
    if (!text) return undefined;

    const model = existing?.model ?? (await chooseModel(this.ctx, task, args));
    if (!model) return undefined;
    const session = existing ?? { model, past_user_inputs: [], generated_responses: [] };
    const document = existing && editor ? editor.document : await this.open(model, session);
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: existing ? undefined : vscode.ViewColumn.Beside });

    // The user's turn, then the reply streamed after it.
    const turn = `\n**You:**\n\n${text}\n\n**${model}:**\n\n`;
    const end = document.getText().length;
    if (!(await replaceText(document, { start: end, end }, turn))) return undefined;
    // Where the reply starts, kept true if the user types in the chat meanwhile.
    const replyAt = new TrackedRanges(document, [{ start: end + turn.length, end: end + turn.length }]);
    let reply = '';
    const inserter = new StreamingInsert(document, async (chunk, undo) => {
      const at = replyAt.get(0);
      return at && (await replaceText(document, at, chunk, undo)) ? at.start + chunk.length : undefined;
    });
    try {
      const input = { inputs: { text, past_user_inputs: session.past_user_inputs, generated_responses: session.generated_responses }, ...withParameters(args) };
      const result = await this.ctx.runner.stream('TASK_CONVERSATIONAL', model, input, (chunk) => {
        reply += chunk;
        inserter.push(chunk);
      }, inserter.lostSignal);
      await inserter.finish();
      if (!result) return undefined;
      session.past_user_inputs.push(text);
      session.generated_responses.push(reply);
      const trailer = '\n\n---\n';
      const last = document.getText().length;
      await replaceText(document, { start: last, end: last }, trailer);
      return { generated_text: reply, conversation: { past_user_inputs: [...session.past_user_inputs], generated_responses: [...session.generated_responses] } };
    } finally {
      inserter.dispose();
      replyAt.dispose();
    }
  }

  private async open(model: string, session: ChatSession): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: `# Chat with ${model}\n\n_Run "Hugging Face: Chat" again in this document to reply._\n`,
    });
    this.sessions.set(document, session);
    return document;
  }

  dispose(): void {
    this.subscription.dispose();
    this.sessions.clear();
  }
}
