// Folder batches in the real VS Code: every matching file under the folder (any case
// of extension, subfolders, files.exclude respected), failures in place without
// stopping the batch, the CSV/JSON report written beside the folder and opened, and a
// cancel that keeps the finished rows and still writes a complete file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseCsv } from '../support/csv';
import type { HfTestServer } from '../support/hfServer';
import { makePng, makeWav } from '../support/media';
import { closeEditors, configure, inferenceRequests, readText, startHf, stopHf, until, userSetting, workspaceFolder, writeFile } from './hostHelpers';

interface Summary {
  report: string;
  total: number;
  succeeded: number;
  failed: number;
  cancelled: number;
}

const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<Summary | undefined>(`huggingface.${command}`, ...args);
const reportNamed = (folder: vscode.Uri, name: string) => vscode.Uri.joinPath(folder, '..', name);

describe('folder batches', function () {
  this.timeout(60_000);
  let server: HfTestServer;

  before(async () => {
    server = await startHf();
  });
  after(() => stopHf(server));
  beforeEach(() => server.reset());
  afterEach(async () => {
    await configure({ maxMediaMegabytes: undefined, batchConcurrency: undefined, batchReportFormat: undefined });
    await closeEditors();
  });

  it('classifies 50 files into a CSV beside the folder: failures are rows, the rest go on', async () => {
    const folder = await workspaceFolder('photos');
    const names: string[] = [];
    for (let i = 0; i < 44; i++) {
      const name = `${i < 10 ? 'sub/' : ''}img-${String(i).padStart(2, '0')}.png`;
      await writeFile(folder, name, makePng(8 + (i % 5), 8, [i * 5, 100, 200]));
      names.push(name);
    }
    await writeFile(folder, 'UPPER.PNG', makePng(4, 4));
    for (const name of ['fake-1.png', 'fake-2.jpg', 'fake-3.gif']) await writeFile(folder, name, new TextEncoder().encode(`plain text in ${name}`));
    for (const name of ['huge-1.png', 'huge-2.png']) await writeFile(folder, name, Buffer.concat([makePng(2, 2), Buffer.alloc(1.2 * 2 ** 20)]));
    // Not part of the batch: another kind of file, and a folder files.exclude hides.
    await writeFile(folder, 'notes.txt', new TextEncoder().encode('hello'));
    await writeFile(folder, 'excluded/hidden.png', makePng(2, 2));
    const restoreExclude = await userSetting('files', 'exclude', { '**/excluded': true });
    await configure({ maxMediaMegabytes: 1, batchConcurrency: 8 });
    // Four requests fail on the server (whichever files they are for).
    server.script({ status: 500, json: { error: 'Internal boom' }, times: 4 });
    let summary: Summary | undefined;
    try {
      summary = await run('classifyImagesInFolder', folder, [folder], { model: 'google/vit-base-patch16-224' });
    } finally {
      await restoreExclude();
    }
    const report = reportNamed(folder, 'photos.classify-images.csv');
    assert.deepEqual(summary, { report: report.toString(), total: 50, succeeded: 41, failed: 9, cancelled: 0 });
    assert.equal(inferenceRequests(server).length, 45, 'refused files were never sent');

    const [header, ...rows] = parseCsv(await readText(report));
    assert.deepEqual(header, ['file', 'label', 'score', 'error']);
    assert.equal(rows.length, 50);
    assert.deepEqual(rows.map((r) => r[0]).sort(), [...names, 'UPPER.PNG', 'fake-1.png', 'fake-2.jpg', 'fake-3.gif', 'huge-1.png', 'huge-2.png'].sort());
    const byFile = new Map(rows.map((r) => [r[0], r]));
    for (const name of ['fake-1.png', 'fake-2.jpg', 'fake-3.gif']) assert.match(byFile.get(name)![3], new RegExp(`^${name.replace('.', '\\.')} is not an image`), name);
    for (const name of ['huge-1.png', 'huge-2.png']) assert.match(byFile.get(name)![3], /is 1\.2 MB, over the 1\.0 MB limit \(huggingface\.maxMediaMegabytes\)/, name);
    const serverFailures = rows.filter((r) => /Hugging Face answered 500/.test(r[3]));
    assert.equal(serverFailures.length, 4);
    for (const r of rows.filter((row) => row[3] === '')) {
      assert.equal(r[1], 'cheetah', r[0]);
      assert.ok(Number(r[2]) > 0.8 && Number(r[2]) < 1, `${r[0]} has a score (${r[2]})`);
    }
    for (const r of [...serverFailures, ...rows.filter((row) => /fake|huge/.test(row[0]))]) assert.deepEqual([r[1], r[2]], ['', ''], `${r[0]} has no label`);

    // The report is opened, and no temporary file is left beside it.
    await until('the report to open', () => vscode.window.activeTextEditor?.document.uri.toString() === report.toString());
    const siblings = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, '..'));
    assert.deepEqual(siblings.filter(([n]) => n.endsWith('.tmp')), []);
  });

  it('writes JSON when asked, and captions and transcripts as text columns', async () => {
    const images = await workspaceFolder('captions');
    for (const name of ['a.png', 'b.png']) await writeFile(images, name, makePng(4, 4));
    await configure({ batchReportFormat: 'json' });
    const captions = await run('captionImagesInFolder', { folder: images, model: 'Salesforce/blip-image-captioning-large' });
    assert.equal(captions?.report, reportNamed(images, 'captions.caption-images.json').toString());
    const json = JSON.parse(await readText(vscode.Uri.parse(captions!.report)));
    assert.deepEqual({ ...json, startedAt: typeof json.startedAt, durationMs: typeof json.durationMs }, {
      task: 'TASK_IMAGE_TO_TEXT',
      model: 'Salesforce/blip-image-captioning-large',
      folder: images.toString(),
      startedAt: 'string',
      durationMs: 'number',
      total: 2,
      succeeded: 2,
      failed: 0,
      cancelled: 0,
      rows: [
        { file: 'a.png', text: 'a picture of a cheetah' },
        { file: 'b.png', text: 'a picture of a cheetah' },
      ],
    });

    const audio = await workspaceFolder('recordings');
    await writeFile(audio, 'one.wav', makeWav(1));
    await writeFile(audio, 'two.WAV', makeWav(2));
    const transcripts = await run('transcribeAudioInFolder', audio, { model: 'openai/whisper-large-v3', format: 'csv' });
    assert.deepEqual(parseCsv(await readText(vscode.Uri.parse(transcripts!.report))), [
      ['file', 'text', 'error'],
      ['one.wav', 'HELLO FROM A 1 SECOND RECORDING', ''],
      ['two.WAV', 'HELLO FROM A 2 SECOND RECORDING', ''],
    ]);
  });

  it('a cancel mid-way keeps the finished rows and writes a complete report', async () => {
    const folder = await workspaceFolder('slow');
    for (let i = 0; i < 20; i++) await writeFile(folder, `img-${String(i).padStart(2, '0')}.png`, makePng(4, 4));
    await configure({ batchConcurrency: 2 });
    server.script({ json: [{ label: 'slow', score: 0.5 }], delayMs: 250, times: 100 });
    const running = run('classifyImagesInFolder', folder, { model: 'google/vit-base-patch16-224' });
    await until('a few files to finish', () => inferenceRequests(server).length >= 5, 20_000);
    assert.ok(await vscode.commands.executeCommand<number>('huggingface.cancelRun'));
    const summary = await running;
    assert.ok(summary, 'the batch resolves with its summary');
    assert.equal(summary.failed, 0);
    assert.ok(summary.succeeded >= 2 && summary.succeeded <= 6, `succeeded ${summary.succeeded}`);
    assert.equal(summary.succeeded + summary.cancelled, 20);
    const [header, ...rows] = parseCsv(await readText(vscode.Uri.parse(summary.report)));
    assert.deepEqual(header, ['file', 'label', 'score', 'error']);
    assert.equal(rows.length, 20);
    assert.equal(rows.filter((r) => r[1] === 'slow' && r[2] === '0.5' && r[3] === '').length, summary.succeeded);
    assert.equal(rows.filter((r) => r[1] === '' && r[3] === 'cancelled (not run)').length, summary.cancelled);
    // No file was started after the cancel.
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(inferenceRequests(server).length <= summary.succeeded + 2);
  });

  it('never replaces a folder in the report\'s place: the report opens unsaved instead', async () => {
    const folder = await workspaceFolder('blocked');
    await writeFile(folder, 'a.png', makePng(4, 4));
    const inTheWay = reportNamed(folder, 'blocked.classify-images.csv');
    await vscode.workspace.fs.createDirectory(inTheWay);
    await writeFile(inTheWay, 'keep.txt', new TextEncoder().encode('mine'));
    try {
      const summary = await run('classifyImagesInFolder', folder, { model: 'google/vit-base-patch16-224' });
      assert.deepEqual(summary, { report: '', total: 1, succeeded: 1, failed: 0, cancelled: 0 });
      assert.equal(await readText(vscode.Uri.joinPath(inTheWay, 'keep.txt')), 'mine');
      await until('the unsaved report', () => vscode.window.activeTextEditor?.document.isUntitled === true);
      assert.deepEqual(parseCsv(vscode.window.activeTextEditor!.document.getText()).slice(1).map((r) => r.slice(0, 2)), [['a.png', 'cheetah']]);
    } finally {
      await vscode.workspace.fs.delete(inTheWay, { recursive: true });
    }
  });

  it('says so when the folder has no matching files', async () => {
    const empty = await workspaceFolder('empty');
    await writeFile(empty, 'readme.txt', new TextEncoder().encode('nothing to see'));
    assert.equal(await run('transcribeAudioInFolder', empty, { model: 'openai/whisper-large-v3' }), undefined);
    assert.equal(inferenceRequests(server).length, 0);
  });
});
