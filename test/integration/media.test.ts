// Image and audio commands on files read through vscode.workspace.fs (the simple
// report for now; the media issue brings richer views).
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HfTestServer } from '../support/hfServer';
import { makePng, makeWav } from '../support/media';
import { closeEditors, inferenceRequests, startHf, stopHf, until } from './hostHelpers';

describe('image and audio commands', function () {
  this.timeout(30_000);
  let server: HfTestServer;
  const dir = mkdtempSync(join(tmpdir(), 'hf-media-'));
  const file = async (name: string, bytes: Uint8Array) => {
    const uri = vscode.Uri.file(join(dir, name));
    await vscode.workspace.fs.writeFile(uri, bytes);
    return uri;
  };

  before(async () => {
    server = await startHf();
  });
  after(() => stopHf(server));
  beforeEach(() => server.reset());
  afterEach(closeEditors);

  it('Classify Image sends the file\'s bytes and opens a report of the labels', async () => {
    const uri = await file('photo.png', makePng(8, 8));
    const output = await vscode.commands.executeCommand<{ classes: { label: string }[] }>('huggingface.classifyImage', uri, { model: 'google/vit-base-patch16-224' });
    assert.ok(output && output.classes.length > 0);
    const [request] = inferenceRequests(server);
    assert.equal(request.headers['content-type'], 'image/png');
    assert.equal(request.bodyLength, makePng(8, 8).length);
    await until('the report', () => vscode.window.activeTextEditor?.document.languageId === 'markdown');
    const report = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(report, /^# Image Classification: photo\.png/);
    assert.match(report, /\| Label \| Score \|/);
  });

  it('Transcribe Audio takes its file as { uri } too, and opens the transcript', async () => {
    const uri = await file('memo.wav', makeWav(0.2));
    const output = await vscode.commands.executeCommand<{ text: string }>('huggingface.transcribeAudio', { uri, model: 'openai/whisper-large-v3' });
    assert.equal(typeof output?.text, 'string');
    assert.equal(inferenceRequests(server)[0].headers['content-type'], 'audio/wav');
    await until('the transcript', () => (vscode.window.activeTextEditor?.document.getText() ?? '').startsWith('# Speech Recognition: memo.wav'));
  });

  it('refuses a file of the wrong kind without sending anything', async () => {
    const uri = await file('notes.txt', new TextEncoder().encode('not an image'));
    assert.equal(await vscode.commands.executeCommand('huggingface.detectObjects', uri, { model: 'facebook/detr-resnet-50' }), undefined);
    assert.equal(inferenceRequests(server).length, 0);
  });
});
