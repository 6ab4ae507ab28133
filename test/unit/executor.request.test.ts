// Request building: URLs for every route, headers, and the JSON body with every parameter.
import * as assert from 'node:assert/strict';
import { buildRequest, chatParameters, requestUrl } from '../../src/executor/request';
import { findTask, type TaskInfo } from '../../src/executor/tasks';
import type { TaskInput } from '../../src/executor/types';

const task = (id: string): TaskInfo => findTask(id)!;
const url = (id: string, base_url: string, model = 'org/model', is_custom_endpoint = false) => requestUrl(task(id), { base_url, is_custom_endpoint }, model).href;

describe('executor request URLs', () => {
  it('puts the model, unescaped, under {base_url}/models/, whatever the trailing slash or path prefix', () => {
    assert.equal(url('TASK_SUMMARIZATION', 'https://router.huggingface.co/hf-inference'), 'https://router.huggingface.co/hf-inference/models/org/model');
    assert.equal(url('TASK_SUMMARIZATION', 'https://router.huggingface.co/hf-inference/'), 'https://router.huggingface.co/hf-inference/models/org/model');
    assert.equal(url('TASK_SUMMARIZATION', 'http://127.0.0.1:8080'), 'http://127.0.0.1:8080/models/org/model');
    assert.equal(url('TASK_IMAGE_CLASSIFICATION', 'https://api-inference.huggingface.co'), 'https://api-inference.huggingface.co/models/org/model');
  });

  it('posts to the custom endpoint itself', () => {
    assert.equal(url('TASK_SUMMARIZATION', 'https://x.endpoints.huggingface.cloud/', 'ignored', true), 'https://x.endpoints.huggingface.cloud/');
    assert.equal(url('TASK_SUMMARIZATION', 'https://host/path?api-version=2', 'ignored', true), 'https://host/path?api-version=2');
  });

  it('sends conversational to chat completions: the router\'s own, a custom endpoint (huggingface.js rule), or per model', () => {
    assert.equal(url('TASK_CONVERSATIONAL', 'https://router.huggingface.co/hf-inference'), 'https://router.huggingface.co/v1/chat/completions');
    assert.equal(url('TASK_CONVERSATIONAL', 'http://localhost:8080', 'm', true), 'http://localhost:8080/v1/chat/completions');
    assert.equal(url('TASK_CONVERSATIONAL', 'http://localhost:8080/v1/', 'm', true), 'http://localhost:8080/v1/chat/completions');
    assert.equal(url('TASK_CONVERSATIONAL', 'http://localhost:8080/v1/chat/completions', 'm', true), 'http://localhost:8080/v1/chat/completions');
    assert.equal(url('TASK_CONVERSATIONAL', 'http://127.0.0.1:9000/hf-inference'), 'http://127.0.0.1:9000/hf-inference/models/org/model/v1/chat/completions');
  });

  it('sends text generation through chat on the router only', () => {
    assert.equal(url('TASK_TEXT_GENERATION', 'https://router.huggingface.co/hf-inference'), 'https://router.huggingface.co/v1/chat/completions');
    assert.equal(url('TASK_TEXT_GENERATION', 'http://127.0.0.1:9000'), 'http://127.0.0.1:9000/models/org/model');
    assert.equal(url('TASK_TEXT_GENERATION', 'http://127.0.0.1:9000/generate', 'x', true), 'http://127.0.0.1:9000/generate');
  });

  it('uses the sentence-similarity pipeline route on the router', () => {
    assert.equal(url('TASK_SENTENCE_SIMILARITY', 'https://router.huggingface.co/hf-inference'), 'https://router.huggingface.co/hf-inference/models/org/model/pipeline/sentence-similarity');
    assert.equal(url('TASK_SENTENCE_SIMILARITY', 'http://127.0.0.1:1'), 'http://127.0.0.1:1/models/org/model');
  });

  it('refuses base URLs that are not http(s) or that carry credentials', () => {
    for (const base_url of ['ftp://x', 'file:///etc/passwd', 'not a url', '', 'https://user:pw@host']) {
      assert.throws(() => url('TASK_SUMMARIZATION', base_url), { code: 'INVALID_INPUT', field: '/setup/base_url' }, base_url);
    }
  });
});

describe('executor request bodies and headers', () => {
  const setup = { api_key: 'hf_secret_token_1234', base_url: 'http://127.0.0.1:1' };

  it('sends every parameter the user gave, and options in the body and as headers', () => {
    const parameters = { do_sample: true, max_new_tokens: 5, max_time: 3, num_return_sequences: 1, repetition_penalty: 1.2, return_full_text: false, temperature: 0.7, top_k: 10, top_p: 0.9, brand_new: 'x' };
    const r = buildRequest(task('TASK_TEXT_GENERATION'), setup, { model: 'gpt2', inputs: 'Hi', parameters, options: { wait_for_model: true, use_cache: false } }, undefined, false);
    assert.deepEqual(JSON.parse(r.body as string), { inputs: 'Hi', parameters, options: { wait_for_model: true, use_cache: false } });
    assert.equal(r.headers.authorization, 'Bearer hf_secret_token_1234');
    assert.equal(r.headers['content-type'], 'application/json');
    assert.equal(r.headers['x-wait-for-model'], 'true');
    assert.equal(r.headers['x-use-cache'], 'false');
  });

  it('sends no Authorization header without a key, and never lets extra headers set it', () => {
    const r = buildRequest(task('TASK_SUMMARIZATION'), { base_url: 'http://h' }, { model: 'm', inputs: 'x' }, undefined, false, { Authorization: 'Bearer other', 'User-Agent': 'ua/1' });
    assert.equal(r.headers.authorization, undefined);
    assert.equal(r.headers['user-agent'], 'ua/1');
  });

  it('sends table cells as strings', () => {
    const r = buildRequest(task('TASK_TABLE_QUESTION_ANSWERING'), setup, { model: 'm', inputs: { query: 'q', table: { n: [1, 2.5], ok: [true, false] } } }, undefined, false);
    assert.deepEqual(JSON.parse(r.body as string).inputs.table, { n: ['1', '2.5'], ok: ['true', 'false'] });
  });

  it('turns the conversation history into alternating chat messages, in order', () => {
    const input: TaskInput = { model: 'org/chat', inputs: { text: 'And now?', past_user_inputs: ['Hi', 'How are you?'], generated_responses: ['Hello!', 'Fine.'] }, parameters: { max_length: 50, temperature: 0.5, top_p: 0.9, top_k: 3, seed: 7 } };
    const r = buildRequest(task('TASK_CONVERSATIONAL'), setup, input, undefined, true);
    assert.deepEqual(JSON.parse(r.body as string), {
      model: 'org/chat',
      messages: [
        { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'How are you?' }, { role: 'assistant', content: 'Fine.' },
        { role: 'user', content: 'And now?' },
      ],
      max_tokens: 50, temperature: 0.5, top_p: 0.9, seed: 7, stream: true,
    });
    assert.equal(r.headers.accept, 'text/event-stream');
    assert.equal(r.contract, 'chat');
  });

  it('maps generation parameters onto chat ones; an explicit max_tokens wins', () => {
    assert.deepEqual(chatParameters({ max_new_tokens: 20, repetition_penalty: 1.1, stop: ['\n'] }), { max_tokens: 20, stop: ['\n'] });
    assert.deepEqual(chatParameters({ max_tokens: 9, max_length: 30 }), { max_tokens: 9 });
    assert.deepEqual(chatParameters({ max_length: 30, max_tokens: 9 }), { max_tokens: 9 });
  });

  it('sends media bytes as the body with their sniffed type', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const r = buildRequest(task('TASK_IMAGE_CLASSIFICATION'), setup, { model: 'm', image: bytes, options: { wait_for_model: true } }, { body: bytes, size: bytes.length, contentType: 'image/png' }, false);
    assert.equal(r.body, bytes, 'the same bytes, not a copy');
    assert.equal(r.headers['content-type'], 'image/png');
    assert.equal(r.headers['x-wait-for-model'], 'true');
  });
});
