// Image and audio commands on workspace files, as the explorer calls them (the clicked
// file and the selection): what was sent, the result view (ranked labels, annotated
// images), the saved SVG, captions and transcripts in an editor or at the cursor, the
// multi-selection's combined result, and files refused before anything is sent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HfTestServer } from '../support/hfServer';
import { makeGif, makePng, makeWav } from '../support/media';
import { closeEditors, configure, EXTENSION_ID, inferenceRequests, mediaViews, openText, readText, startHf, stopHf, svgsIn, until, workspaceFolder, writeFile } from './hostHelpers';

const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`huggingface.${command}`, ...args);
/** As the explorer calls a command on one file: the file, and the selection holding it. */
const explorer = (uri: vscode.Uri) => [uri, [uri]] as const;

describe('image and audio files', function () {
  this.timeout(30_000);
  let server: HfTestServer;
  let folder: vscode.Uri;
  let photo: vscode.Uri;
  let memo: vscode.Uri;

  before(async () => {
    server = await startHf();
    folder = await workspaceFolder('media');
    photo = await writeFile(folder, 'photo.png', makePng(64, 32));
    memo = await writeFile(folder, 'memo.wav', makeWav(0.2));
  });
  after(() => stopHf(server));
  beforeEach(() => server.reset());
  afterEach(closeEditors);

  it('puts the image and audio commands in an explorer submenu, by file type, and the folder batches on folders', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { menus: Record<string, { submenu?: string; command?: string; when?: string }[]> } };
    const { menus } = manifest.contributes;
    const entry = menus['explorer/context'].find((m) => m.submenu === 'huggingface.explorerMenu');
    assert.match(entry?.when ?? '', /explorerResourceIsFolder \|\| resourceExtname =~/);
    const when = (command: string) => menus['huggingface.explorerMenu'].find((m) => m.command === `huggingface.${command}`)?.when ?? '';
    for (const c of ['classifyImage', 'detectObjects', 'segmentImage', 'captionImage']) assert.match(when(c), /png\|jpe\?g\|gif\|webp\|bmp\|tiff\?/, c);
    for (const c of ['transcribeAudio', 'classifyAudio']) assert.match(when(c), /wav\|flac\|mp3\|ogg\|m4a\|webm/, c);
    for (const c of ['classifyImagesInFolder', 'captionImagesInFolder', 'transcribeAudioInFolder']) assert.equal(when(c), 'explorerResourceIsFolder', c);
  });

  it('Classify Image streams the file to the model and shows the labels ranked, with scores', async () => {
    const output = await run<{ classes: { label: string; score: number }[] }>('classifyImage', ...explorer(photo), { model: 'google/vit-base-patch16-224' });
    assert.equal(output?.classes[0].label, 'cheetah');
    const [request] = inferenceRequests(server);
    assert.equal(request.path, '/models/google/vit-base-patch16-224');
    assert.equal(request.headers['content-type'], 'image/png');
    assert.equal(request.bodyLength, makePng(64, 32).length);
    const view = (await mediaViews()).at(-1)!;
    assert.equal(view.title, 'Image Classification: photo.png');
    const order = ['cheetah', 'tabby cat', 'remote control'].map((l) => view.html.indexOf(`<td>${l}</td>`));
    assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])), `ranked: ${order}`);
    assert.match(view.html, /<td>cheetah<\/td><td class="num">0\.\d{3}<\/td>/);
    assert.match(view.html, /<meter /);
  });

  it('Detect Objects shows the image with a box and label per object, and saves it as <name>.annotated.svg', async () => {
    const output = await run<{ objects: { label: string }[] }>('detectObjects', ...explorer(photo), { model: 'facebook/detr-resnet-50' });
    assert.deepEqual(output?.objects.map((o) => o.label), ['cat', 'remote']);
    const view = (await mediaViews()).at(-1)!;
    const [svg] = svgsIn(view.html);
    assert.match(svg, /viewBox="0 0 64 32"/);
    assert.match(svg, /<image href="data:image\/png;base64,/);
    assert.match(svg, /<rect x="0" y="0" width="31" height="31" fill="none" stroke="#[0-9a-f]{6}"/);
    assert.match(svg, /<rect x="32" y="16" width="31" height="15" fill="none"/);
    assert.match(svg, />cat 0\.9\d\d</);
    assert.match(view.html, /Save annotated image/);

    const target = vscode.Uri.joinPath(folder, 'photo.annotated.svg');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    const saved = await run<string[]>('saveAnnotatedImage', view.id);
    assert.deepEqual(saved, [target.toString()]);
    assert.equal(await readText(target), svg);
    // An existing file is never replaced without asking (here: the caller says no, then yes).
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('mine'));
    assert.deepEqual(await run('saveAnnotatedImage', view.id, { overwrite: false }), []);
    assert.equal(await readText(target), 'mine');
    assert.deepEqual(await run('saveAnnotatedImage', view.id, { overwrite: true }), [target.toString()]);
    assert.equal(await readText(target), svg);

    // "Show in Panel": the task's panel opens with the file and this result, without a new request.
    assert.match(view.html, /<h2>photo\.png<\/h2><nav><a href="command:huggingface\.showMediaInPanel\?%5B\d+%2C0%5D">Show in Panel<\/a><\/nav>/);
    server.reset();
    assert.equal(await run('showMediaInPanel', view.id, 0), true);
    const panel = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('huggingface.taskPanel'));
    await until('the Object Detection panel', () => panel()?.label === 'Object Detection');
    assert.equal(inferenceRequests(server).length, 0);
  });

  it('Segment Image overlays each mask in its label colour', async () => {
    const output = await run<{ segments: { label: string; mask: string }[] }>('segmentImage', ...explorer(photo), { model: 'nvidia/segformer-b0-finetuned-ade-512-512' });
    assert.deepEqual(output?.segments.map((s) => s.label), ['cat', 'wall']);
    const [svg] = svgsIn((await mediaViews()).at(-1)!.html);
    assert.equal((svg.match(/<mask id=/g) ?? []).length, 2);
    assert.ok(svg.includes(`<image href="${output!.segments[0].mask}"`));
    const fills = [...svg.matchAll(/fill="(#[0-9a-f]{6})" fill-opacity="0\.5" mask="url\(#m\d\)"/g)].map((m) => m[1]);
    assert.equal(new Set(fills).size, 2);
    assert.match(svg, />wall 0\.9\d\d</);
  });

  it('Caption Image opens the caption in a new editor', async () => {
    const output = await run<{ text: string }>('captionImage', ...explorer(photo), { model: 'Salesforce/blip-image-captioning-large', destination: 'newEditor' });
    assert.equal(output?.text, 'a picture of a cheetah');
    await until('the caption editor', () => vscode.window.activeTextEditor?.document.getText() === 'a picture of a cheetah');
    assert.equal(vscode.window.activeTextEditor?.document.isUntitled, true);
  });

  it('Transcribe Audio writes the transcript with timestamps when the model gives them', async () => {
    await run('transcribeAudio', ...explorer(memo), { model: 'shape/automatic-speech-recognition/chunks', destination: 'newEditor' });
    assert.equal(inferenceRequests(server)[0].headers['content-type'], 'audio/wav');
    await until('the transcript', () => (vscode.window.activeTextEditor?.document.getText() ?? '').startsWith('[0:00.0'));
    assert.equal(vscode.window.activeTextEditor?.document.getText(), '[0:00.0 → 0:00.1] HELLO FROM A\n[0:00.1 → 0:00.2] 0 SECOND RECORDING');
  });

  it('inserts a transcript at the cursor as one undo step, where the cursor is when it arrives', async () => {
    const editor = await openText('Notes:\n\nEnd');
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    server.script({ json: { text: 'hello from the memo' }, delayMs: 300 });
    const running = run('transcribeAudio', { uri: memo, model: 'openai/whisper-large-v3', destination: 'cursor' });
    await until('the request', () => inferenceRequests(server).length === 1);
    // The user types above meanwhile: the transcript still lands at their cursor's place.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# '));
    await running;
    assert.equal(editor.document.getText(), '# Notes:\nhello from the memo\nEnd');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '# Notes:\n\nEnd');
  });

  it('Classify Audio ranks the labels', async () => {
    const output = await run<{ classes: { label: string }[] }>('classifyAudio', ...explorer(memo), { model: 'superb/hubert-large-superb-er' });
    assert.equal(output?.classes[0].label, 'neu');
    const view = (await mediaViews()).at(-1)!;
    assert.equal(view.title, 'Audio Classification: memo.wav');
    assert.ok(view.html.indexOf('<td>neu</td>') < view.html.indexOf('<td>hap</td>'));
  });

  it('runs a multi-selection together and shows one combined result; a bad file is refused in place', async () => {
    const gif = await writeFile(folder, 'anim.gif', makeGif());
    const fake = await writeFile(folder, 'fake.png', new TextEncoder().encode('this is text, not a PNG'));
    const result = await run<{ file: string; output?: { classes: { label: string }[] }; error?: string }[]>('classifyImage', photo, [photo, gif, fake], { model: 'google/vit-base-patch16-224' });
    assert.deepEqual(result?.map((r) => [r.file, r.output?.classes[0].label ?? r.error]), [
      ['media/photo.png', 'cheetah'],
      ['media/anim.gif', 'zebra'],
      ['media/fake.png', 'fake.png is not an image: its content is not PNG, JPEG, GIF, WebP, BMP or TIFF.'],
    ]);
    assert.equal(inferenceRequests(server).length, 2, 'the fake image was never sent');
    const views = await mediaViews();
    const view = views.at(-1)!;
    assert.equal(view.title, 'Image Classification: 3 files');
    for (const name of ['photo.png', 'anim.gif', 'fake.png']) assert.ok(view.html.includes(`<h2>${name}</h2>`), name);
    assert.match(view.html, /<p class="error">fake\.png is not an image/);

    const json = await run<string>('copyResultJson', view.id);
    assert.deepEqual(JSON.parse(json!), result);
    assert.equal(await vscode.env.clipboard.readText(), json);
  });

  it('refuses files over huggingface.maxMediaMegabytes, and non-media files, without sending anything', async () => {
    const big = await writeFile(folder, 'big.png', Buffer.concat([makePng(2, 2), Buffer.alloc(1.5 * 2 ** 20)]));
    const notes = await writeFile(folder, 'notes.txt', new TextEncoder().encode('not an image'));
    const fake = await writeFile(folder, 'fake.jpg', new TextEncoder().encode('%PDF-1.7 not a jpeg'));
    await configure({ maxMediaMegabytes: 1 });
    try {
      assert.equal(await run('classifyImage', ...explorer(big), { model: 'google/vit-base-patch16-224' }), undefined);
    } finally {
      await configure({ maxMediaMegabytes: undefined });
    }
    assert.equal(await run('detectObjects', ...explorer(notes), { model: 'facebook/detr-resnet-50' }), undefined);
    assert.equal(await run('detectObjects', ...explorer(fake), { model: 'facebook/detr-resnet-50' }), undefined);
    assert.equal(await run('transcribeAudio', ...explorer(photo), { model: 'openai/whisper-large-v3' }), undefined);
    assert.equal(inferenceRequests(server).length, 0);
  });

  it('renders hostile model output as inert text', async () => {
    const evil = '<script>alert(1)</script>"onload="x';
    server.script({ json: [{ label: evil, score: 0.9, box: { xmin: 1, ymin: 1, xmax: 10, ymax: 10 } }] });
    await run('detectObjects', ...explorer(photo), { model: 'facebook/detr-resnet-50' });
    const { html } = (await mediaViews()).at(-1)!;
    assert.ok(!html.includes('<script'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=&quot;x'));
    const [svg] = svgsIn(html);
    assert.ok(!svg.includes('<script'));
    assert.ok((svg.match(/<[^>]*>/g) ?? []).every((tag) => !tag.includes('onload')));
  });
});
