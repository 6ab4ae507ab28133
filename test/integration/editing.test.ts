// Runs never clobber the user's text: cancel, edits (and undos) while a model runs,
// closed documents, streams cut short, waits for loading models, failures.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inferenceRequests, openText, until, useHfServer } from './hostHelpers';

const MODEL = 'facebook/bart-large-cnn';
/** A summary that arrives after `delayMs` (a scripted reply replaces the server's own answer). */
const slowSummary = (summary_text: string, delayMs = 800) => ({ match: '/models/', delayMs, json: [{ summary_text }] });
const summarize = (placement: string) => vscode.commands.executeCommand('huggingface.summarize', { model: MODEL, placement });

describe('runs and the user\'s text', function () {
  this.timeout(30_000);
  const hf = useHfServer();

  const requestArrived = () => until('the request to reach the server', () => inferenceRequests(hf.server).length > 0);

  it('Cancel aborts the request: the command ends at once, the document is unchanged, the connection is closed', async () => {
    hf.server.script(slowSummary('Never shown.', 15_000));
    const text = 'First sentence here. Second one.';
    const editor = await openText(text, text);
    const running = summarize('replace');
    await requestArrived();
    const open = hf.server.openConnections();
    const cancelledAt = Date.now();
    assert.equal(await vscode.commands.executeCommand('huggingface.cancelRun'), 1);
    assert.equal(await running, undefined);
    assert.ok(Date.now() - cancelledAt < 3000, 'the command ended without waiting for the server');
    assert.equal(editor.document.getText(), text);
    await until('the aborted request\'s connection to close', () => hf.server.openConnections() < open);
  });

  it('an edit inside the selection while the model runs sends the result below it, not over it', async () => {
    hf.server.script(slowSummary('Alpha beta gamma.'));
    const editor = await openText('Alpha beta gamma. Delta.\nEnd', 'Alpha beta gamma. Delta.');
    const running = summarize('replace');
    await requestArrived();
    await editor.edit((b) => b.insert(new vscode.Position(0, 5), ' (edited)'));
    await running;
    assert.equal(editor.document.getText(), 'Alpha (edited) beta gamma. Delta.\nAlpha beta gamma.\nEnd');
  });

  it('typing in the selection and undoing it while the model runs: the text is as the user left it, the result goes below', async () => {
    hf.server.script(slowSummary('Alpha beta gamma.'));
    const editor = await openText('Alpha beta gamma. Delta.\nEnd', 'Alpha beta gamma. Delta.');
    const running = summarize('replace');
    await requestArrived();
    await editor.edit((b) => b.insert(new vscode.Position(0, 5), ' typo'));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), 'Alpha beta gamma. Delta.\nEnd', 'the undo took');
    await running;
    // The selection was touched: the result does not replace it, even though its text came back.
    assert.equal(editor.document.getText(), 'Alpha beta gamma. Delta.\nAlpha beta gamma.\nEnd');
    // And the result is one undo step of its own.
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), 'Alpha beta gamma. Delta.\nEnd');
  });

  it('an edit above the selection while the model runs moves the result along with it', async () => {
    hf.server.script(slowSummary('Alpha beta gamma.'));
    const editor = await openText('Keep me.\nAlpha beta gamma. Delta.', 'Alpha beta gamma. Delta.');
    const running = summarize('replace');
    await requestArrived();
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'New first line.\n'));
    await running;
    assert.equal(editor.document.getText(), 'New first line.\nKeep me.\nAlpha beta gamma.');
  });

  it('a document closed while the model runs is left alone', async () => {
    hf.server.script(slowSummary('Closed soon.'));
    const editor = await openText('Closed soon. Really.', 'Closed soon. Really.');
    const uri = editor.document.uri.toString();
    const running = summarize('replace');
    await requestArrived();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await running;
    const reopened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed);
    assert.ok(!reopened || reopened.getText() === 'Closed soon. Really.', 'no edit went to the closed document');
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.getText().includes('Closed soon.\n')));
  });

  it('cancelling a stream keeps what arrived and writes nothing after it', async () => {
    const token = (i: number) => `data:${JSON.stringify({ index: i, token: { id: i, text: ` w${i}`, logprob: -0.1, special: false }, generated_text: null, details: null })}\n\n`;
    hf.server.script({ match: '/models/', sse: Array.from({ length: 20 }, (_, i) => token(i + 1)), sseDelayMs: 200 });
    const editor = await openText('Start', 'Start');
    const running = vscode.commands.executeCommand('huggingface.generateText', { model: 'openai-community/gpt2', placement: 'insertBelow' });
    await until('the first words in the editor', () => editor.document.getText().includes(' w2'));
    await vscode.commands.executeCommand('huggingface.cancelRun');
    await running;
    const atCancel = editor.document.getText();
    assert.match(atCancel, /^Start\n w1 w2/);
    assert.ok(!atCancel.includes(' w20'));
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(editor.document.getText(), atCancel, 'nothing was written after the cancel');
  });

  it('a model that is loading is waited for, then its result is applied', async () => {
    hf.server.script({ match: '/models/', status: 503, json: { error: `Model ${MODEL} is currently loading`, estimated_time: 0.3 } });
    const editor = await openText('Loaded at last. Yes.', 'Loaded at last. Yes.');
    await summarize('replace');
    assert.equal(editor.document.getText(), 'Loaded at last.');
    assert.equal(inferenceRequests(hf.server).length, 2);
  });

  it('a failed run leaves the document untouched', async () => {
    hf.server.script({ match: '/models/', status: 500, json: { error: 'Internal failure' } });
    const editor = await openText('Nothing changes. Ever.', 'Nothing changes. Ever.');
    assert.equal(await summarize('replace'), undefined);
    assert.equal(editor.document.getText(), 'Nothing changes. Ever.');
  });

  it('two runs on the same text at once: both results land, neither clobbers the text or the other result', async () => {
    // The second answer arrives first, so each edit happens under the other run's feet.
    hf.server.script(slowSummary('First summary.', 900));
    hf.server.script(slowSummary('Second summary.', 300));
    const text = 'Alpha beta gamma. Delta epsilon.';
    const editor = await openText(`Intro\n${text}\nOutro`, text);
    const first = summarize('replace');
    await requestArrived();
    const second = summarize('replace');
    await until('both requests to reach the server', () => inferenceRequests(hf.server).length === 2);
    await Promise.all([first, second]);
    const after = editor.document.getText();
    assert.ok(after.startsWith('Intro\n') && after.endsWith('\nOutro'), after);
    // One of them replaced the selection; the other found it edited and went below it, never over it.
    assert.equal(after.split('First summary.').length, 2, after);
    assert.equal(after.split('Second summary.').length, 2, after);
    assert.ok(!after.includes('Alpha beta gamma. Delta epsilon.Second') && !after.includes('summary.Second'), after);
  });
});
