// The exported API as another extension uses it: `getExtension(id).exports`, bound to
// the user's settings and token; outputs as the spec gives them; a cancelled call and
// failures as ComponentError-shaped errors that never carry the token.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TASKS } from '../../src/executor';
import type { HuggingFaceTasksApi } from '../../src/extension/api';
import type { HfTestServer } from '../support/hfServer';
import { makePng } from '../support/media';
import { configure, EXTENSION_ID, inferenceRequests, startHf, stopHf, TOKEN, until } from './hostHelpers';

describe('the exported API', function () {
  this.timeout(30_000);
  let server: HfTestServer;
  let api: HuggingFaceTasksApi;

  before(async () => {
    server = await startHf();
    const extension = vscode.extensions.getExtension<HuggingFaceTasksApi>(EXTENSION_ID);
    assert.ok(extension?.isActive);
    api = extension.exports;
  });
  after(() => stopHf(server));
  beforeEach(() => server.reset());

  it('exports execute, stream and the 17 TASKS', () => {
    assert.equal(typeof api.execute, 'function');
    assert.equal(typeof api.stream, 'function');
    assert.deepEqual([...api.TASKS], [...TASKS]);
    assert.equal(api.TASKS.length, 17);
  });

  it('runs a task with the user\'s base URL and token, and returns the spec\'s output', async () => {
    const out = await api.execute('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'The tower is 324 metres tall. It is in Paris.' });
    assert.deepEqual(out, { summary_text: 'The tower is 324 metres tall.' });
    const [request] = inferenceRequests(server);
    assert.equal(request.path, '/models/facebook/bart-large-cnn');
    assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
    assert.match(request.headers['user-agent'], /^huggingface-vscode-tasks\//);
  });

  it('uses the user\'s default model when the input names none', async () => {
    await configure({ defaultModels: { TASK_TEXT_CLASSIFICATION: 'ProsusAI/finbert' } });
    try {
      await api.execute('TASK_TEXT_CLASSIFICATION', { inputs: 'fine' });
      await api.execute('TASK_SUMMARIZATION', { inputs: 'Short text. Another sentence.' });
    } finally {
      await configure({ defaultModels: undefined });
    }
    assert.deepEqual(inferenceRequests(server).map((r) => r.path), ['/models/ProsusAI/finbert', '/models/facebook/bart-large-cnn']);
  });

  it('takes image bytes, as the executor does', async () => {
    const out = await api.execute('TASK_IMAGE_CLASSIFICATION', { model: 'google/vit-base-patch16-224', image: makePng(4, 4) });
    assert.equal(out.classes[0].label, 'cheetah');
  });

  it('streams text as it arrives', async () => {
    const pieces: string[] = [];
    for await (const chunk of api.stream('TASK_CONVERSATIONAL', { model: 'Qwen/Qwen2.5-7B-Instruct', inputs: { text: 'Say hello', past_user_inputs: [], generated_responses: [] } })) pieces.push(chunk.text);
    assert.ok(pieces.length > 1, `${pieces.length} pieces`);
    assert.ok(pieces.join('').length > 0);
  });

  it('a cancelled call rejects with CANCELLED at once, and the request is closed', async () => {
    server.script({ hang: true });
    const controller = new AbortController();
    const call = api.execute('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'Wait for it.' }, { signal: controller.signal });
    await until('the request', () => inferenceRequests(server).length === 1);
    const started = Date.now();
    controller.abort();
    await assert.rejects(call, (e: { code: string }) => e.code === 'CANCELLED');
    assert.ok(Date.now() - started < 1000);
  });

  it('fails with ComponentError-shaped errors (code, status, message) that never contain the token', async () => {
    server.script({ status: 401, json: { error: `Invalid credentials: ${TOKEN} is not valid` } });
    const error = await api.execute('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }).then(
      () => assert.fail('should fail'),
      (e: unknown) => e as { code: string; status?: number; message: string; name: string },
    );
    assert.equal(error.name, 'ComponentError');
    assert.equal(error.code, 'HTTP');
    assert.equal(error.status, 401);
    assert.ok(!error.message.includes(TOKEN), error.message);
    assert.ok(!JSON.stringify(error).includes(TOKEN));
    assert.ok(!String((error as { stack?: string }).stack).includes(TOKEN));

    await assert.rejects(api.execute('TASK_SUMMARIZATION', { model: 'no-such/model', inputs: 'x' }), { code: 'HTTP', status: 404 });
    await assert.rejects(api.execute('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn' }), (e: { code: string; field?: string }) => e.code === 'INVALID_INPUT' && e.field === '/inputs');
    await assert.rejects(api.execute('TASK_NOPE' as never, { inputs: 'x' }), { code: 'INVALID_INPUT' });
    const stream = api.stream('TASK_SUMMARIZATION' as never, { model: 'm', inputs: 'x' });
    await assert.rejects((async () => {
      for await (const _ of stream) assert.fail('no chunk');
    })(), { code: 'INVALID_INPUT' });
  });

  it('refuses to send the token over plain HTTP to another machine', async () => {
    await configure({ baseUrl: 'http://example.invalid' });
    try {
      await assert.rejects(api.execute('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), (e: { code: string; message: string }) => e.code === 'INVALID_INPUT' && /only sent over HTTPS/.test(e.message));
    } finally {
      await configure({ baseUrl: server.url });
    }
    assert.equal(server.requests.length, 0);
  });
});
