// Component files and Instill recipes inside the real VS Code, against the loopback
// HF server: diagnostics with their ranges and quick fixes, runs through the
// CodeLens commands, the `# result:` block and the .out.json, and a two-component
// recipe where one feeds the other.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../src/extension/componentEditor';
import { makePng } from '../support/media';
import { configure, inferenceRequests, openText, TOKEN, until, useHfServer } from './hostHelpers';

const fileUri = (name: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'components', name);
const at = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

async function lenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  let found: vscode.CodeLens[] = [];
  await until('code lenses', async () => {
    found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    return found.length > 0;
  });
  return found;
}

/** Runs a lens's command as a click would. */
const click = (lens: vscode.CodeLens, ...extra: unknown[]) => vscode.commands.executeCommand<RunOutcome>(lens.command!.command, ...(lens.command!.arguments ?? []), ...extra);

describe('component files in the editor', function () {
  this.timeout(60_000);
  const hf = useHfServer();

  it('*.hf.yaml is a language of its own, checked as it is opened (missing files too), with quick fixes', async () => {
    const document = await open('checks.hf.yaml');
    assert.equal(document.languageId, 'huggingface-component');
    let diagnostics: vscode.Diagnostic[] = [];
    await until('diagnostics', () => {
      diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Hugging Face');
      return diagnostics.length >= 4;
    });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, at(d.range)]).sort(), [
      ['invalid-field', vscode.DiagnosticSeverity.Error, '7:0-7:5'],
      ['key-in-file', vscode.DiagnosticSeverity.Error, '10:11-10:22'],
      ['unknown-reference', vscode.DiagnosticSeverity.Warning, '4:10-4:29'],
      ['unknown-task', vscode.DiagnosticSeverity.Error, '1:6-1:23'],
    ]);
    assert.equal(diagnostics.find((d) => d.code === 'unknown-reference')!.message, '`missing.txt` was not found next to this file.');
    assert.equal(diagnostics.find((d) => d.code === 'unknown-task')!.message, 'Unknown task `TASK_SUMARIZATION` — did you mean `TASK_SUMMARIZATION`?');
    assert.equal(diagnostics.find((d) => d.code === 'invalid-field')!.message, 'model is required.');

    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(7, 0, 7, 5));
    const addModel = fixes.find((f) => f.title === 'Add `model: google-t5/t5-small`');
    assert.ok(addModel?.edit, `fixes: ${fixes.map((f) => f.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(addModel.edit));
    assert.equal(document.lineAt(8).text, '  model: google-t5/t5-small');
    await until('the fixed problem to go', () => !vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'invalid-field'));
  });

  it('completions and hovers come from the task\'s schema', async () => {
    const document = await open('chain.hf.yaml');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 6));
    assert.ok(list.items.some((i) => i.label === 'TASK_SUMMARIZATION'), 'task ids after task:');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(8, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\*\*model\*\* · string · required/);
  });

  it('`${file:` lists the files beside the component file, folders first, and goes into a folder; never outside the workspace', async () => {
    const pics = vscode.Uri.joinPath(fileUri(''), 'pics');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(pics, 'cat.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const component = fileUri('files.hf.yaml');
    await vscode.workspace.fs.writeFile(component, new TextEncoder().encode('task: TASK_IMAGE_CLASSIFICATION\ninput:\n  model: m\n  image: ${file:\n'));
    try {
      const document = await open('files.hf.yaml');
      const complete = async (typed: string) => {
        await vscode.window.activeTextEditor!.edit((b) => b.replace(new vscode.Range(3, 16, 3, document.lineAt(3).text.length), typed));
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(3, 16 + typed.length));
        return list.items;
      };
      const here = await complete('');
      const labels = here.map((i) => i.label as string);
      assert.equal(labels[0], 'pics/', `folders first: ${labels.join(', ')}`);
      for (const name of ['review.txt', 'chain.hf.yaml', 'files.hf.yaml']) assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
      const folder = here[0];
      assert.equal(folder.kind, vscode.CompletionItemKind.Folder);
      assert.equal(folder.command?.command, 'editor.action.triggerSuggest', 'choosing a folder lists its files');
      assert.equal(here.find((i) => i.label === 'review.txt')?.detail, 'text, inserted as is');

      const inside = await complete('pics/');
      assert.deepEqual(inside.map((i) => [i.label, i.insertText, i.detail]), [['cat.png', 'pics/cat.png', 'image, sent as base64']]);
      // (VS Code falls back to words from the document when no provider has anything.)
      const files = (items: vscode.CompletionItem[]) => items.filter((i) => i.kind === vscode.CompletionItemKind.File || i.kind === vscode.CompletionItemKind.Folder);
      assert.deepEqual(files(await complete('../../../')), [], 'nothing outside the workspace folder');
      assert.ok(files(await complete('../')).some((i) => i.label === 'components/'), 'above the file, inside the workspace: listed');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(component);
      await vscode.workspace.fs.delete(pics, { recursive: true });
    }
  });

  it('▶ Run on the second document runs the first before it, writes both results as comments, one undo takes them back', async () => {
    const document = await open('chain.hf.yaml');
    const original = document.getText();
    const found = await lenses(document);
    assert.deepEqual(found.map((l) => [l.command?.title, l.range.start.line]), [['▶ Run', 0], ['▶ Run all', 0], ['▶ Run', 6]]);
    const outcome = await click(found[2]);
    assert.ok(outcome?.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.runs.map((r) => [r.index, r.task]), [[0, 'TASK_TEXT_CLASSIFICATION'], [1, 'TASK_SUMMARIZATION']]);
    const [classify, summarize] = inferenceRequests(hf.server);
    assert.deepEqual(classify.json, { inputs: 'I love this editor. It is fast.\n' });
    assert.equal(classify.headers.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(summarize.json, { inputs: 'A POSITIVE review. I love this editor. It is fast.\n' });
    const text = document.getText();
    assert.match(text, /\n {2}inputs: \$\{file:review\.txt\}\n# result: TASK_TEXT_CLASSIFICATION · distilbert\/distilbert-base-uncased-finetuned-sst-2-english · \d+ ms\n# {3}results:\n# {5}- label: POSITIVE\n/);
    assert.match(text, /"\n# result: TASK_SUMMARIZATION · facebook\/bart-large-cnn · \d+ ms\n# {3}summary_text: A POSITIVE review\.\n$/);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo removes every result block');
  });

  it('with huggingface.componentResults = outFile, Run all writes chain.out.json and leaves the file alone', async () => {
    await configure({ componentResults: 'outFile' });
    try {
      const document = await open('chain.hf.yaml');
      const original = document.getText();
      const outcome = await click((await lenses(document))[1]);
      assert.ok(outcome?.ok);
      assert.equal(outcome.resultsIn, fileUri('chain.out.json').toString());
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('chain.out.json'))));
      assert.deepEqual(Object.keys(written), ['mood', '#2']);
      assert.equal(written.mood.task, 'TASK_TEXT_CLASSIFICATION');
      assert.equal(written.mood.output.results[0].label, 'POSITIVE');
      assert.deepEqual(written['#2'], { task: 'TASK_SUMMARIZATION', model: 'facebook/bart-large-cnn', output: { summary_text: 'A POSITIVE review.' } });
      assert.equal(document.getText(), original);
      assert.equal(inferenceRequests(hf.server).length, 2, 'each document ran once');
    } finally {
      await configure({ componentResults: undefined });
    }
  });

  it('a failing run puts its error on the line that caused it', async () => {
    const document = await open('checks.hf.yaml');
    const outcome = await vscode.commands.executeCommand<RunOutcome>('huggingface.runComponent', document.uri, 1);
    assert.ok(outcome && !outcome.ok);
    assert.equal(outcome.line, 10);
    assert.match(outcome.message, /^Remove the key from the file/);
    await until('the run failure diagnostic', () => vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'Hugging Face (run)'));
    const failure = vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'Hugging Face (run)')!;
    assert.equal(at(failure.range), '10:11-10:22');
    assert.equal(inferenceRequests(hf.server).length, 0, 'nothing was sent');
  });

  it('an Instill recipe: ▶ Run component on the second component runs the first and feeds it its output', async () => {
    const document = await open('summarize-then-classify.yaml');
    assert.equal(document.languageId, 'yaml');
    const found = await lenses(document);
    assert.deepEqual(found.map((l) => [l.command?.title, l.range.start.line]), [['▶ Run component', 6], ['▶ Run component', 16]]);
    const text = 'The match ended 3-1 after extra time. The crowd cheered all evening.';
    const outcome = await click(found[1], { variables: { text } });
    assert.ok(outcome?.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.runs.map((r) => r.id), ['hf-summarize', 'hf-classify']);
    const [summarize, classify] = inferenceRequests(hf.server);
    assert.equal(summarize.path, '/models/facebook/bart-large-cnn');
    assert.deepEqual(summarize.json, { inputs: text, parameters: { max_length: 60 } });
    assert.equal(summarize.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(classify.path, '/models/facebook/bart-large-mnli');
    assert.deepEqual(classify.json, { inputs: 'The match ended 3-1 after extra time.', parameters: { candidate_labels: ['sport', 'politics'] } });
    assert.match(document.getText(), /\n {4}# result: TASK_ZERO_SHOT_CLASSIFICATION · facebook\/bart-large-mnli · \d+ ms\n {4}# {3}labels: \[/);
  });

  it('a recipe\'s image variable is a file to pick: its bytes are sent, and the file is offered again next time', async () => {
    const photo = fileUri('photo.png');
    const png = makePng(12, 8);
    await vscode.workspace.fs.writeFile(photo, png);
    const recipe = fileUri('classify-photo.yaml');
    const text = 'version: v1beta\nvariable:\n  photo:\n    title: A photo\n    instill-format: image/*\ncomponent:\n  hf-classify:\n    type: hugging-face\n    task: TASK_IMAGE_CLASSIFICATION\n    input:\n      model: google/vit-base-patch16-224\n      image: ${variable.photo}\n';
    await vscode.workspace.fs.writeFile(recipe, new TextEncoder().encode(text));
    // The file dialog, answered as a person picking photo.png would.
    const win = vscode.window as { showOpenDialog: typeof vscode.window.showOpenDialog };
    const original = win.showOpenDialog;
    const asked: vscode.OpenDialogOptions[] = [];
    win.showOpenDialog = async (options) => {
      asked.push(options ?? {});
      return [photo];
    };
    try {
      const document = await open('classify-photo.yaml');
      for (let run = 0; run < 2; run++) {
        const outcome = await vscode.commands.executeCommand<RunOutcome>('huggingface.runComponent', document.uri, 0);
        assert.ok(outcome?.ok, JSON.stringify(outcome));
      }
      const [first, second] = inferenceRequests(hf.server);
      assert.equal(first.headers['content-type'], 'image/png');
      assert.deepEqual(first.body, Buffer.from(png), 'the picked file\'s bytes');
      assert.deepEqual(second.body, Buffer.from(png));
      assert.equal(asked.length, 2);
      assert.deepEqual(asked[0].filters, { Images: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff'] });
      assert.match(asked[0].title ?? '', /photo — A photo/);
      assert.equal(asked[1].defaultUri?.toString(), photo.toString(), 'the file picked last time is offered first');
    } finally {
      win.showOpenDialog = original;
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(recipe);
      await vscode.workspace.fs.delete(photo);
    }
  });

  it('${selection} is the text selected in the other editor', async () => {
    await openText('Intro. Hello world. Outro.', 'Hello world');
    const document = await vscode.workspace.openTextDocument(fileUri('selection.hf.yaml'));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const outcome = await click((await lenses(document))[0]);
    assert.ok(outcome?.ok, JSON.stringify(outcome));
    assert.deepEqual(inferenceRequests(hf.server)[0].json, { inputs: 'Hello world' });
  });

  it('while a document runs its lens spins; a click on it cancels the run, and nothing is written', async () => {
    hf.server.script({ hang: true });
    const document = await open('selection.hf.yaml');
    await openText('Some text', 'Some text');
    const original = document.getText();
    const running = vscode.commands.executeCommand<RunOutcome>('huggingface.runComponent', document.uri, 0);
    let spinner: vscode.CodeLens | undefined;
    await until('the spinning lens', async () => {
      spinner = (await lenses(document)).find((l) => l.command?.title.startsWith('$(sync~spin) Running…'));
      return spinner !== undefined;
    });
    await click(spinner!);
    const outcome = await running;
    assert.deepEqual(outcome, { ok: false, message: outcome && !outcome.ok ? outcome.message : '', cancelled: true });
    assert.equal(document.getText(), original);
    assert.deepEqual((await lenses(document)).map((l) => l.command?.title), ['▶ Run'], 'the lens is back');
  });

  it('plain YAML files get no lenses', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'services:\n  web:\n    image: nginx\n' });
    await vscode.window.showTextDocument(document);
    const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.deepEqual(found, []);
  });
});
