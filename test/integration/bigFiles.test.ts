// A 2 GiB file, and files that are not media, given to the image and audio tasks in the
// real VS Code: the explorer commands, a multi-selection, a folder batch and a component
// file's `${file:…}` each refuse them with a message naming the file and why (its size
// and the limit's setting; "not an image"), nothing reaches the server, and the
// extension host's memory does not grow by anything like the file: it was never read
// whole. The big files are sparse (a real PNG or WAV header, then a hole), so they cost
// no disk and sniffing alone would not refuse them.
import * as assert from 'node:assert/strict';
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../src/extension/componentEditor';
import { parseCsv } from '../support/csv';
import { makePng, makeWav } from '../support/media';
import { inferenceRequests, readText, useHfServer, useNotificationSpy, workspaceFolder, writeFile } from './hostHelpers';

const GiB = 1024 ** 3;
const MiB = 2 ** 20;
const CLASSIFIER = 'google/vit-base-patch16-224';
/** The refusal of a 2 GiB file under the default limit (huggingface.maxMediaMegabytes: 50). */
const tooBig = (name: string) => `${name} is 2048 MB, over the 50 MB limit (huggingface.maxMediaMegabytes); it was not read or sent.`;
const NOT_AN_IMAGE = 'is not an image: its content is not PNG, JPEG, GIF, WebP, BMP or TIFF.';

const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`huggingface.${command}`, ...args);
/** As the explorer calls a command on one file: the file, and the selection holding it. */
const explorer = (uri: vscode.Uri) => [uri, [uri]] as const;

/** A sparse file of `size` bytes that starts with `head` (the rest is a hole: no disk used). */
async function sparseFile(folder: vscode.Uri, name: string, head: Uint8Array, size: number): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder, name);
  const fd = openSync(uri.fsPath, 'w');
  try {
    writeSync(fd, head, 0, head.length, 0);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
  assert.equal((await vscode.workspace.fs.stat(uri)).size, size);
  return uri;
}

/** A real ZIP archive holding one stored file. */
function makeZip(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); // PK\x03\x04
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralAt = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/** What the extension host holds now: its resident set, and its JS heap plus the buffers outside it. */
function memory(): { rss: number; heapAndBuffers: number } {
  const m = process.memoryUsage();
  return { rss: m.rss, heapAndBuffers: m.heapUsed + m.external };
}

/** The host did not grow by anything like a file read whole (200 MB against a 2 GiB file). */
function assertNotReadWhole(before: ReturnType<typeof memory>): void {
  const after = memory();
  for (const key of ['rss', 'heapAndBuffers'] as const) {
    const grown = (after[key] - before[key]) / MiB;
    assert.ok(grown < 200, `the extension host's ${key} grew by ${Math.round(grown)} MB`);
  }
}

describe('a 2 GiB file and non-media files given as images or audio', function () {
  this.timeout(60_000);
  const hf = useHfServer();
  const { shown } = useNotificationSpy();
  let folder: vscode.Uri;
  let photo: vscode.Uri;
  let hugePng: vscode.Uri;
  let hugeWav: vscode.Uri;
  let notes: vscode.Uri;
  let archive: vscode.Uri;
  const removeAfter: vscode.Uri[] = [];

  before(async () => {
    folder = await workspaceFolder('big-files');
    removeAfter.push(folder);
    photo = await writeFile(folder, 'photo.png', makePng(16, 16));
    hugePng = await sparseFile(folder, 'huge.png', makePng(64, 64), 2 * GiB);
    hugeWav = await sparseFile(folder, 'huge.wav', makeWav(0.1), 2 * GiB);
    notes = await writeFile(folder, 'notes.png', new TextEncoder().encode('Meeting notes — café at 10:00.\nBring the photos (PNG) and the report.\n'));
    archive = await writeFile(folder, 'archive.png', makeZip('photo.png', 'not really a photo'));
  });

  after(async () => {
    for (const uri of removeAfter) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  it('Classify Image, Detect Objects and Transcribe Audio refuse a 2 GiB file from its size: a clear warning, nothing read or sent', async () => {
    const before = memory();
    assert.equal(await run('classifyImage', ...explorer(hugePng), { model: CLASSIFIER }), undefined);
    assert.equal(await run('detectObjects', { uri: hugePng, model: 'facebook/detr-resnet-50' }), undefined);
    assert.equal(await run('transcribeAudio', ...explorer(hugeWav), { model: 'openai/whisper-large-v3', destination: 'newEditor' }), undefined);
    assert.deepEqual(shown, [`warning: ${tooBig('huge.png')}`, `warning: ${tooBig('huge.png')}`, `warning: ${tooBig('huge.wav')}`]);
    assert.deepEqual(inferenceRequests(hf.server), [], 'no request reached the server');
    assertNotReadWhole(before);
  });

  it('a multi-selection with the 2 GiB file runs the others and names the one refused', async () => {
    const before = memory();
    // The one file left runs as a file on its own: its output is the result.
    const result = await run<{ classes: { label: string }[] }>('classifyImage', photo, [photo, hugePng], { model: CLASSIFIER });
    assert.equal(result?.classes[0].label, 'cheetah');
    assert.deepEqual(shown, [`warning: ${tooBig('huge.png')} Running on the other 1.`]);
    const requests = inferenceRequests(hf.server);
    assert.equal(requests.length, 1, 'only photo.png was sent');
    assert.equal(requests[0].bodyLength, makePng(16, 16).length);
    assertNotReadWhole(before);
  });

  it('a text file and a ZIP archive named .png are refused as not images, before any request', async () => {
    assert.equal(await run('classifyImage', ...explorer(notes), { model: CLASSIFIER }), undefined);
    assert.equal(await run('detectObjects', ...explorer(archive), { model: 'facebook/detr-resnet-50' }), undefined);
    assert.deepEqual(shown, [`warning: notes.png ${NOT_AN_IMAGE}`, `warning: archive.png ${NOT_AN_IMAGE}`]);
    assert.deepEqual(inferenceRequests(hf.server), [], 'neither was sent');

    // Together with a real image: each refusal is that file's result, and only the image is sent.
    shown.length = 0;
    const result = await run<{ file: string; output?: unknown; error?: string }[]>('classifyImage', photo, [notes, photo, archive], { model: CLASSIFIER });
    assert.deepEqual(result?.map((r) => [r.file, r.error ?? 'ok']), [
      ['big-files/notes.png', `notes.png ${NOT_AN_IMAGE}`],
      ['big-files/photo.png', 'ok'],
      ['big-files/archive.png', `archive.png ${NOT_AN_IMAGE}`],
    ]);
    assert.equal(inferenceRequests(hf.server).length, 1);
    assert.equal(inferenceRequests(hf.server)[0].headers['content-type'], 'image/png');
  });

  it('a folder batch records the 2 GiB file and the non-images as failed rows and classifies the rest', async () => {
    const batch = await workspaceFolder('big-batch');
    const report = vscode.Uri.joinPath(batch, '..', 'big-batch.classify-images.csv');
    removeAfter.push(batch, report);
    await writeFile(batch, 'a.png', makePng(8, 8));
    await sparseFile(batch, 'b-huge.png', makePng(32, 32), 2 * GiB);
    await writeFile(batch, 'c-notes.png', new TextEncoder().encode('just some text\n'));
    await writeFile(batch, 'd-archive.png', makeZip('x.txt', 'x'));
    await writeFile(batch, 'e.png', makePng(9, 9));
    const before = memory();
    const summary = await run('classifyImagesInFolder', batch, [batch], { model: CLASSIFIER, format: 'csv' });
    assert.deepEqual(summary, { report: report.toString(), total: 5, succeeded: 2, failed: 3, cancelled: 0 });
    assertNotReadWhole(before);
    assert.equal(inferenceRequests(hf.server).length, 2, 'only a.png and e.png were sent');
    // Rows in file order; the scores are the server's (left out here).
    assert.deepEqual(parseCsv(await readText(report)).map(([file, label, , error]) => [file, label, error]), [
      ['file', 'label', 'error'],
      ['a.png', 'cheetah', ''],
      ['b-huge.png', '', tooBig('b-huge.png')],
      ['c-notes.png', '', `c-notes.png ${NOT_AN_IMAGE}`],
      ['d-archive.png', '', `d-archive.png ${NOT_AN_IMAGE}`],
      ['e.png', 'cheetah', ''],
    ]);
    assert.ok(shown.includes('warning: Classified 2 of 5 images in big-batch, 3 failed. Report: big-batch.classify-images.csv.'), shown.join('\n'));
  });

  it('a component file whose ${file:…} names the 2 GiB file, text or an archive fails on that line, with nothing read whole or sent', async () => {
    const component = await writeFile(
      folder,
      'big.hf.yaml',
      new TextEncoder().encode(
        [
          'task: TASK_IMAGE_CLASSIFICATION',
          'input:',
          `  model: ${CLASSIFIER}`,
          '  image: ${file:huge.png}',
          '---',
          'task: TASK_SPEECH_RECOGNITION',
          'input:',
          '  model: openai/whisper-large-v3',
          '  audio: ${file:huge.wav}',
          '---',
          'task: TASK_IMAGE_CLASSIFICATION',
          'input:',
          `  model: ${CLASSIFIER}`,
          '  image: ${file:notes.png}',
          '---',
          'task: TASK_IMAGE_CLASSIFICATION',
          'input:',
          `  model: ${CLASSIFIER}`,
          '  image: ${file:archive.png}',
          '---',
          'task: TASK_IMAGE_CLASSIFICATION',
          'input:',
          `  model: ${CLASSIFIER}`,
          '  image: ${file:300mb.png}',
          '',
        ].join('\n'),
      ),
    );
    const before = memory();
    const image = await run<RunOutcome>('runComponent', component, 0);
    const audio = await run<RunOutcome>('runComponent', component, 1);
    assertNotReadWhole(before);
    const text = await run<RunOutcome>('runComponent', component, 2);
    const zip = await run<RunOutcome>('runComponent', component, 3);
    // Under the 2 GiB a whole read can reach, still over the limit: refused from its size too.
    const big = await sparseFile(folder, '300mb.png', makePng(64, 64), 300 * MiB);
    const before300 = memory();
    const over = await run<RunOutcome>('runComponent', component, 4);
    assertNotReadWhole(before300);
    await vscode.workspace.fs.delete(big);
    const failure = (o: RunOutcome | undefined) => (o && !o.ok ? { message: o.message, line: o.line, code: o.code, cancelled: o.cancelled } : o);
    assert.deepEqual(failure(image), { message: 'Cannot read `huge.png`: it is 2048 MB, over the 50 MB limit (huggingface.maxMediaMegabytes)', line: 3, code: undefined, cancelled: false });
    assert.deepEqual(failure(audio), { message: 'Cannot read `huge.wav`: it is 2048 MB, over the 50 MB limit (huggingface.maxMediaMegabytes)', line: 8, code: undefined, cancelled: false });
    // Text and an archive given as an image are refused by the executor, before any request.
    assert.deepEqual(failure(text), { message: 'Invalid input: image holds text, not an image.', line: 13, code: 'INVALID_INPUT', cancelled: false });
    assert.deepEqual(failure(zip), { message: 'Invalid input: image holds a document or archive (application/zip), not an image.', line: 18, code: 'INVALID_INPUT', cancelled: false });
    assert.deepEqual(failure(over), { message: 'Cannot read `300mb.png`: it is 300 MB, over the 50 MB limit (huggingface.maxMediaMegabytes)', line: 23, code: undefined, cancelled: false });
    assert.deepEqual(inferenceRequests(hf.server), [], 'no request reached the server');
    // Each failure is shown, and put on its line.
    assert.equal(shown.filter((m) => m.startsWith('error: ')).length, 5, shown.join('\n'));
  });
});
