// A canary token through every task's command and the exported API, against servers
// that fail in every way HTTP allows and quote the token back (in JSON errors, HTML
// pages, plain text, broken bodies, stream events): it shows up in no error the API
// throws, no notification or progress message, no diagnostic, no open document, no log
// line, no setting and no file the runs wrote; and it goes to no other origin.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TASKS, type TaskId } from '../../src/executor';
import type { HuggingFaceTasksApi } from '../../src/extension/api';
import type { RunOutcome } from '../../src/extension/componentEditor';
import { makeCanary } from '../support/canary';
import { HfTestServer, type ScriptedReply } from '../support/hfServer';
import { makePng, makeWav } from '../support/media';
import { sampleInput } from '../support/taskInputs';
import { closeEditors, configure, EXTENSION_ID, openText, until, useNotificationSpy, workspaceFolder, writeFile } from './hostHelpers';

const canary = makeCanary();
const CANARY = canary.token;
const leaks = (text: string): boolean => canary.leaks(text) > 0;

/** Ways a server fails while quoting the token; `elsewhere` is another origin. */
function failures(elsewhere: string): [string, ScriptedReply][] {
  return [
    ['400 JSON quoting the header', { status: 400, json: { error: `Bad input. Authorization: Bearer ${CANARY}` } }],
    ['401 quoting the token', { status: 401, json: { error: `Invalid credentials: ${CANARY}` } }],
    ['403 with a list of errors', { status: 403, json: { error: [`token ${CANARY} lacks a permission`, 'and more'] } }],
    ['404 HTML page', { status: 404, headers: { 'content-type': 'text/html' }, body: `<html><body><h1>Not found</h1><p>for Bearer ${CANARY}</p></body></html>` }],
    ['500 plain text', { status: 500, headers: { 'content-type': 'text/plain' }, body: `upstream failed; request had authorization=Bearer ${CANARY}` }],
    ['503 loading, until the wait runs out', { status: 503, json: { error: `Model is loading for ${CANARY}`, estimated_time: 0.3 }, times: 100 }],
    ['429 storm', { status: 429, headers: { 'retry-after': '0' }, json: { error: `Rate limit reached for ${CANARY}` }, times: 100 }],
    ['200 that is not JSON', { status: 200, headers: { 'content-type': 'application/json' }, body: `{"echo": "${CANARY}"` }],
    ['200 of the wrong shape', { json: { error: CANARY, unexpected: [CANARY] } }],
    ['reset mid-body', { status: 200, headers: { 'content-type': 'application/json' }, body: `{"echo": "${CANARY}", "pad": "${'x'.repeat(2000)}`, destroy: 'mid-body' }],
    ['redirect to another origin', { status: 307, headers: { location: `${elsewhere}/models/moved` } }],
  ];
}

/** Every string an error exposes: message, stack, own properties, its cause chain. */
function errorText(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    parts.push(String(cur), String((cur as { stack?: unknown }).stack), JSON.stringify(cur, Object.getOwnPropertyNames(cur)));
  }
  return parts.join('\n');
}


describe('a canary token through every command, the API and every failure', function () {
  this.timeout(180_000);
  const spy = useNotificationSpy();
  let server: HfTestServer;
  let elsewhere: HfTestServer;
  let api: HuggingFaceTasksApi;
  let folder: vscode.Uri;
  let image: vscode.Uri;
  let audio: vscode.Uri;
  /** Everything the runs exposed, searched at the end. */
  const seen: string[] = [];

  before(async () => {
    server = await HfTestServer.start({ token: CANARY });
    elsewhere = await HfTestServer.start();
    const extension = vscode.extensions.getExtension<HuggingFaceTasksApi>(EXTENSION_ID)!;
    api = await extension.activate();
    await configure({ baseUrl: server.url, hubUrl: server.url, isCustomEndpoint: false, textResult: 'insertBelow', maxWaitSeconds: 1, requestTimeoutSeconds: 10 });
    assert.equal(await vscode.commands.executeCommand('huggingface.setToken', CANARY), 'test-user');
    folder = await workspaceFolder('canary');
    image = await writeFile(folder, 'photo.png', makePng(16, 16));
    audio = await writeFile(folder, 'talk.wav', makeWav(0.2));
  });

  after(async () => {
    await closeEditors();
    await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
    await server.close();
    await elsewhere.close();
  });

  afterEach(() => {
    seen.push(...spy.shown, ...spy.progress);
    server.reset();
  });

  it('the API: 17 tasks × 11 failures, each a ComponentError that never holds the token', async () => {
    const cases = failures(elsewhere.url);
    const codes = new Map<string, Set<string>>();
    let calls = 0;
    for (const [name, reply] of cases) {
      // The waits (503, 429) take up to maxWaitSeconds each: a few tasks are enough for them.
      const tasks: readonly TaskId[] = reply.times ? ['TASK_SUMMARIZATION', 'TASK_IMAGE_CLASSIFICATION', 'TASK_CONVERSATIONAL'] : TASKS;
      for (const task of tasks) {
        server.reset();
        server.script({ ...reply, match: '/models/' });
        const error = await api.execute(task, sampleInput(task, 'org/model') as never).then(
          (out) => assert.fail(`${task} under "${name}" succeeded: ${JSON.stringify(out).slice(0, 200)}`),
          (e: unknown) => e,
        );
        calls++;
        const text = errorText(error);
        assert.ok(!leaks(text), `${task} under "${name}": the error holds the token`);
        seen.push(text);
        const code = (error as { code?: string }).code ?? 'none';
        codes.set(name, (codes.get(name) ?? new Set()).add(code));
      }
    }
    // Each failure ended as the error it is, not as something else.
    assert.deepEqual(Object.fromEntries([...codes].map(([k, v]) => [k, [...v].sort()])), {
      '400 JSON quoting the header': ['HTTP'],
      '401 quoting the token': ['HTTP'],
      '403 with a list of errors': ['HTTP'],
      '404 HTML page': ['HTTP'],
      '500 plain text': ['HTTP'],
      '503 loading, until the wait runs out': ['HTTP'],
      '429 storm': ['HTTP'],
      '200 that is not JSON': ['INVALID_RESPONSE'],
      '200 of the wrong shape': ['INVALID_RESPONSE'],
      'reset mid-body': ['NETWORK'],
      'redirect to another origin': ['HTTP'],
    });
    assert.equal(calls, 9 * 17 + 2 * 3);
    assert.equal(elsewhere.requests.length, 17, 'every redirect was followed');
    assert.ok(elsewhere.requests.every((r) => r.headers.authorization === undefined), 'never with the token');
    assert.ok(server.requests.some((r) => r.headers.authorization === `Bearer ${CANARY}`), 'the token went to its own server');
  });

  it('the API\'s streams: an error event and a broken stream quoting the token', async () => {
    const streams: ScriptedReply[] = [
      { sse: [`data: {"token": {"text": "Hi"}}\n\n`, `data: {"error": "Input validation error for ${CANARY}", "error_type": "validation"}\n\n`] },
      { sse: [`data: {"choices": [{"delta": {"content": "Hi"}}]}\n\n`, `data: {"echo": "${CANARY}`], sseThenDestroy: true },
    ];
    for (const task of ['TASK_TEXT_GENERATION', 'TASK_CONVERSATIONAL'] as const) {
      for (const reply of streams) {
        server.reset();
        server.script({ ...reply, match: '/models/' });
        const error = await (async () => {
          for await (const chunk of api.stream(task, sampleInput(task, 'org/model') as never)) seen.push(chunk.text);
        })().then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(error, `${task}: the stream failed`);
        assert.ok(!leaks(errorText(error)), `${task}: the stream's error holds the token`);
        seen.push(errorText(error));
      }
    }
  });

  it('the 17 task commands, each against a failure quoting the token: errors shown without it', async () => {
    const cases = failures(elsewhere.url).filter(([, r]) => !r.times);
    const media = (command: string, file: vscode.Uri, extra: object = {}) => () => vscode.commands.executeCommand(`huggingface.${command}`, file, [file], { model: 'org/model', ...extra });
    const onText = (content: string, command: string, args: object = {}, language = 'plaintext') => async () => {
      await openText(content, content, language);
      return vscode.commands.executeCommand(`huggingface.${command}`, { model: 'org/model', ...args });
    };
    const commands: [string, () => Thenable<unknown>][] = [
      ['summarize', onText('The tower is 324 metres tall. It is old.', 'summarize')],
      ['translate', onText('The house is wonderful.', 'translate')],
      ['fillMask', onText('Paris is the [MASK] of France.', 'fillMask')],
      ['generateText', onText('Once upon a time', 'generateText')],
      ['classifyText', onText('I love this movie.', 'classifyText')],
      ['zeroShotClassify', onText('The match ended 3-1.', 'zeroShotClassify', { labels: ['sport', 'politics'] })],
      ['findEntities', onText('Sarah lives in Paris.', 'findEntities')],
      ['sentenceSimilarity', onText('the cat sat\nthe cat sat down', 'sentenceSimilarity')],
      ['answerQuestion', onText('Sarah lives in Paris.', 'answerQuestion', { question: 'Where does Sarah live?' })],
      ['answerTableQuestion', onText('Repository,Stars\nTransformers,36542\n', 'answerTableQuestion', { query: 'How many stars?' })],
      ['chat', onText('The tower is in Paris.', 'chat', { message: 'Where is it?' })],
      ['classifyImage', media('classifyImage', image)],
      ['detectObjects', media('detectObjects', image)],
      ['segmentImage', media('segmentImage', image)],
      ['captionImage', media('captionImage', image, { destination: 'newEditor' })],
      ['transcribeAudio', media('transcribeAudio', audio, { destination: 'newEditor' })],
      ['classifyAudio', media('classifyAudio', audio)],
    ];
    assert.equal(commands.length, 17);
    const unreported: string[] = [];
    for (const [i, [name, run]] of commands.entries()) {
      const [failure, reply] = cases[i % cases.length];
      server.reset();
      elsewhere.reset();
      server.script({ ...reply, match: '/models/' });
      const before = spy.shown.length;
      const result = await run();
      assert.equal(result, undefined, `${name} under "${failure}" returned a result`);
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1, `${name} reached the server once`);
      const shown = spy.shown.slice(before);
      if (!shown.some((s) => s.startsWith('error: '))) unreported.push(`${name} (${failure}): ${shown.join(' | ') || 'nothing shown'}`);
      assert.ok(!leaks(shown.join('\n')), `${name} under "${failure}": a notification holds the token`);
      await closeEditors();
    }
    assert.deepEqual(unreported, [], 'every failure was reported as an error');
  });

  it('a component file and a folder batch failing the same way write and show no token', async () => {
    // A component: its run failure goes to a notification and a diagnostic on its line.
    const component = await writeFile(folder, 'leak.hf.yaml', new TextEncoder().encode('task: TASK_SUMMARIZATION\ninput:\n  model: org/model\n  inputs: The tower is 324 metres tall.\n'));
    await vscode.window.showTextDocument(component);
    server.script({ match: '/models/', status: 500, json: { error: `boom for Bearer ${CANARY}` } });
    const outcome = await vscode.commands.executeCommand<RunOutcome>('huggingface.runComponent', component, 0);
    assert.ok(outcome && !outcome.ok, 'the component run failed');
    assert.ok(!leaks(JSON.stringify(outcome)), 'its outcome holds the token');
    await until('the run failure diagnostic', () => vscode.languages.getDiagnostics(component).some((d) => d.source === 'Hugging Face (run)'));
    seen.push(JSON.stringify(outcome));

    // A folder batch: every file fails, and the report (written to disk) says why.
    server.reset();
    const batch = await workspaceFolder('canary-batch');
    try {
      for (const n of [1, 2, 3]) await writeFile(batch, `p${n}.png`, makePng(8 + n, 8));
      server.script({ match: '/models/', status: 400, json: { error: `Bad image for Bearer ${CANARY}` }, times: 3 });
      const summary = await vscode.commands.executeCommand<{ report: string; failed: number }>('huggingface.classifyImagesInFolder', batch, [batch], { model: 'org/model' });
      assert.equal(summary?.failed, 3);
      const report = vscode.Uri.parse(summary.report);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(report));
      assert.match(text, /\[redacted\]/, 'the report gives the servers\' reasons, redacted');
      assert.ok(!leaks(text), 'the report holds the token');
      await vscode.workspace.fs.delete(report);
    } finally {
      await vscode.workspace.fs.delete(batch, { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('after all that: nothing observable holds the token', async () => {
    // The log channel, as the Output view shows it.
    await vscode.commands.executeCommand('huggingface.showLog');
    let log: vscode.TextDocument | undefined;
    await until('the log in the Output view', () => {
      log = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /Text Classification|Summarization/.test(d.getText()));
      return log !== undefined;
    });
    assert.match(log!.getText(), /\[redacted\]/, 'the log quotes the servers, redacted');
    const observable = [
      ...seen,
      ...vscode.workspace.textDocuments.map((d) => `${d.uri.toString()}\n${d.getText()}`),
      ...vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.map((d) => `${uri.toString()} ${d.message} ${d.source ?? ''}`)),
      JSON.stringify(vscode.workspace.getConfiguration('huggingface')),
      JSON.stringify(vscode.workspace.getConfiguration('huggingface').inspect('baseUrl')),
    ];
    assert.ok(observable.length > 200, `${observable.length} things were looked at`);
    assert.ok(seen.some((s) => s.includes('[redacted]')), 'the servers\' quotes reached the messages, redacted');
    const holding = observable.filter(leaks).map((s) => s.slice(0, 80).replace(CANARY, '<canary>'));
    assert.deepEqual(holding, []);
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    assert.deepEqual(canary.filesHolding(root), [], 'files in the workspace');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
});
