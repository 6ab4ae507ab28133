// The executor end to end over real HTTP, against the loopback Hugging-Face-compatible
// server: every task, every error path, waiting, cancellation, timeouts, streaming,
// redirects and keep-alive.
import * as assert from 'node:assert/strict';
import { ComponentError, execute, stream, type Request, type StreamChunk, type TaskInput } from '../../src/executor';
import { HfTestServer } from '../support/hfServer';
import { makeGif, makePng, makeWav, readGrayPng, readPngSize } from '../support/media';

const TOKEN = 'hf_testtoken_abcdefghijklmnop';

async function rejectsWith(p: Promise<unknown>, code: string, pattern?: RegExp, status?: number): Promise<ComponentError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ComponentError, `expected a ComponentError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (pattern) assert.match(e.message, pattern);
    if (status !== undefined) assert.equal(e.status, status);
    assert.ok(!e.message.includes(TOKEN), 'the token never appears in a message');
    return e;
  }
  assert.fail(`expected ${code}, but it resolved`);
}

async function collect(it: AsyncIterable<StreamChunk>, onChunk?: (c: StreamChunk) => void): Promise<string[]> {
  const out: string[] = [];
  for await (const c of it) {
    onChunk?.(c);
    out.push(c.text);
  }
  return out;
}

describe('executor over HTTP (loopback HF server)', function () {
  this.timeout(20_000);
  let server: HfTestServer;
  const setup = () => ({ api_key: TOKEN, base_url: server.url, is_custom_endpoint: false });
  const run = (task: string, input: TaskInput, options = {}) => execute({ task, setup: setup(), input }, options);

  before(async () => {
    server = await HfTestServer.start({ token: TOKEN });
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => server.reset());

  describe('all 17 tasks end to end', () => {
    it('TASK_TEXT_GENERATION (pipeline route, every parameter forwarded)', async () => {
      const parameters = { max_new_tokens: 3, do_sample: false, return_full_text: true, temperature: 0.5, repetition_penalty: 1.1, max_time: 10, num_return_sequences: 1, top_k: 5, top_p: 0.9 };
      const out = await run('TASK_TEXT_GENERATION', { model: 'shape/text-generation/default', inputs: 'Once upon a time', parameters });
      assert.match((out as { generated_text: string }).generated_text, /^Once upon a time \S+ \S+ \S+$/);
      const req = server.requests[0];
      assert.equal(req.method, 'POST');
      assert.equal(req.path, '/models/shape/text-generation/default');
      assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
      assert.deepEqual((req.json as { parameters: unknown }).parameters, parameters);
    });

    it('TASK_FILL_MASK', async () => {
      const out = await run('TASK_FILL_MASK', { model: 'google-bert/bert-base-uncased', inputs: 'Paris is [MASK] capital of France.' });
      assert.deepEqual(out, {
        results: [
          { score: 0.5, token: 1996, token_str: 'the', sequence: 'Paris is the capital of France.' },
          { score: 0.3, token: 1037, token_str: 'a', sequence: 'Paris is a capital of France.' },
          { score: 0.1, token: 2023, token_str: 'this', sequence: 'Paris is this capital of France.' },
        ],
      });
    });

    it('TASK_SUMMARIZATION (with options in the body and headers)', async () => {
      const out = await run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'The tower is 324 metres tall. It was the tallest structure for 41 years.', options: { wait_for_model: true, use_cache: false } });
      assert.deepEqual(out, { summary_text: 'The tower is 324 metres tall.' });
      const req = server.requests[0];
      assert.deepEqual((req.json as { options: unknown }).options, { wait_for_model: true, use_cache: false });
      assert.equal(req.headers['x-wait-for-model'], 'true');
      assert.equal(req.headers['x-use-cache'], 'false');
    });

    it('TASK_TEXT_CLASSIFICATION (nested and flat answers)', async () => {
      const a = (await run('TASK_TEXT_CLASSIFICATION', { model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english', inputs: 'I love this movie' })) as { results: { label: string; score: number }[] };
      assert.equal(a.results[0].label, 'POSITIVE');
      assert.ok(a.results[0].score > a.results[1].score);
      assert.equal(a.results[1].label, 'NEGATIVE');
      const b = (await run('TASK_TEXT_CLASSIFICATION', { model: 'shape/text-classification/flat', inputs: 'A dull, boring film' })) as { results: { label: string }[] };
      assert.equal(b.results[0].label, 'NEGATIVE');
    });

    it('TASK_TOKEN_CLASSIFICATION (grouped, and strategy none)', async () => {
      const inputs = 'My name is Sarah Jessica Parker and I live in London.';
      const out = (await run('TASK_TOKEN_CLASSIFICATION', { model: 'dslim/bert-base-NER', inputs })) as { results: { entity_group: string; word: string; start: number; end: number }[] };
      assert.deepEqual(out.results.map((r) => [r.entity_group, r.word]), [['PER', 'Sarah Jessica Parker'], ['LOC', 'London']]);
      for (const r of out.results) assert.equal(inputs.slice(r.start, r.end), r.word);
      const none = (await run('TASK_TOKEN_CLASSIFICATION', { model: 'dslim/bert-base-NER', inputs, parameters: { aggregation_strategy: 'none' } })) as { results: { entity_group: string; index?: number }[] };
      assert.equal(none.results[0].entity_group, 'B-PER');
      assert.equal(typeof none.results[0].index, 'number');
    });

    it('TASK_TRANSLATION (src_lang/tgt_lang forwarded)', async () => {
      assert.deepEqual(await run('TASK_TRANSLATION', { model: 'google-t5/t5-small', inputs: 'hello world' }), { translation_text: 'bonjour monde' });
      await run('TASK_TRANSLATION', { model: 'google-t5/t5-small', inputs: 'hello', parameters: { src_lang: 'en', tgt_lang: 'de' } });
      assert.deepEqual((server.requests[1].json as { parameters: unknown }).parameters, { src_lang: 'en', tgt_lang: 'de' });
    });

    it('TASK_ZERO_SHOT_CLASSIFICATION (legacy, list and label/score shapes)', async () => {
      const input = { inputs: 'I want a refund for my order', parameters: { candidate_labels: ['faq', 'refund', 'legal'] } };
      for (const model of ['facebook/bart-large-mnli', 'shape/zero-shot-classification/list', 'shape/zero-shot-classification/labelscore']) {
        const out = (await run('TASK_ZERO_SHOT_CLASSIFICATION', { model, ...input })) as { labels: string[]; scores: number[]; sequence: string };
        assert.equal(out.labels[0], 'refund', model);
        assert.equal(out.labels.length, 3);
        assert.ok(Math.abs(out.scores.reduce((a, b) => a + b, 0) - 1) < 1e-6, 'scores sum to 1');
        assert.equal(out.sequence, input.inputs);
      }
    });

    it('TASK_QUESTION_ANSWERING (end → stop)', async () => {
      const context = 'My name is Wolfgang and I live in Berlin.';
      const out = (await run('TASK_QUESTION_ANSWERING', { model: 'deepset/roberta-base-squad2', inputs: { question: 'Where do I live?', context } })) as { answer: string; start: number; stop: number; score: number };
      assert.ok(out.answer.length > 0);
      assert.equal(context.slice(out.start, out.stop), out.answer);
      assert.equal(typeof out.score, 'number');
    });

    it('TASK_TABLE_QUESTION_ANSWERING (number cells sent as strings)', async () => {
      const out = (await run('TASK_TABLE_QUESTION_ANSWERING', {
        model: 'google/tapas-base-finetuned-wtq',
        inputs: { query: 'What is the total population?', table: { Population: [100, 250], City: ['Paris', 'Berlin'] } },
      })) as { answer: string; aggregator: string; cells: string[]; coordinates: number[][] };
      assert.equal(out.aggregator, 'SUM');
      assert.deepEqual(out.cells, ['100', '250']);
      assert.deepEqual(out.coordinates, [[0, 0], [1, 0]]);
      assert.deepEqual((server.requests[0].json as { inputs: { table: unknown } }).inputs.table, { Population: ['100', '250'], City: ['Paris', 'Berlin'] });
    });

    it('TASK_SENTENCE_SIMILARITY', async () => {
      const out = await run('TASK_SENTENCE_SIMILARITY', { model: 'sentence-transformers/all-MiniLM-L6-v2', inputs: { source_sentence: 'the cat sat', sentences: ['the cat sat', 'a dog ran'] } });
      assert.deepEqual(out, { scores: [1, 0] });
    });

    it('TASK_CONVERSATIONAL (chat completion per model; history extended)', async () => {
      const out = await run('TASK_CONVERSATIONAL', { model: 'Qwen/Qwen2.5-7B-Instruct', inputs: { text: 'And you?', past_user_inputs: ['Hi'], generated_responses: ['Hello!'] }, parameters: { max_length: 20 } });
      assert.deepEqual(out, {
        generated_text: 'Reply 2: And you?',
        conversation: { past_user_inputs: ['Hi', 'And you?'], generated_responses: ['Hello!', 'Reply 2: And you?'] },
      });
      const req = server.requests[0];
      assert.equal(req.path, '/models/Qwen/Qwen2.5-7B-Instruct/v1/chat/completions');
      assert.equal((req.json as { max_tokens: number }).max_tokens, 20);
    });

    it('TASK_CONVERSATIONAL on a custom endpoint (URL rule)', async () => {
      const out = await execute({ task: 'TASK_CONVERSATIONAL', setup: { api_key: TOKEN, base_url: `${server.url}/endpoint/chat`, is_custom_endpoint: true }, input: { model: 'tgi', inputs: { text: 'Hello' } } });
      assert.equal((out as { generated_text: string }).generated_text, 'Reply 1: Hello');
      assert.equal(server.requests[0].path, '/endpoint/chat/v1/chat/completions');
    });

    it('TASK_IMAGE_CLASSIFICATION (raw bytes, sniffed type; base64, data: URI and bytes)', async () => {
      const png = makePng(32, 16);
      for (const image of [png, png.toString('base64'), `data:image/png;base64,${png.toString('base64')}`]) {
        const out = (await run('TASK_IMAGE_CLASSIFICATION', { model: 'google/vit-base-patch16-224', image })) as { classes: { label: string }[] };
        assert.equal(out.classes[0].label, 'cheetah');
      }
      for (const req of server.requests) {
        assert.equal(req.headers['content-type'], 'image/png');
        assert.deepEqual(req.body, png);
      }
      const gif = (await run('TASK_IMAGE_CLASSIFICATION', { model: 'google/vit-base-patch16-224', image: makeGif() })) as { classes: { label: string }[] };
      assert.equal(gif.classes[0].label, 'zebra');
      assert.equal(server.requests[3].headers['content-type'], 'image/gif');
    });

    it('TASK_IMAGE_SEGMENTATION (masks as PNG data URIs of the image size)', async () => {
      const out = (await run('TASK_IMAGE_SEGMENTATION', { model: 'nvidia/segformer-b0-finetuned-ade-512-512', image: makePng(40, 20) })) as { segments: { label: string; mask: string; score?: number }[] };
      assert.deepEqual(out.segments.map((s) => s.label), ['cat', 'wall']);
      const mask = Buffer.from(out.segments[0].mask.replace('data:image/png;base64,', ''), 'base64');
      assert.deepEqual(readPngSize(mask), { width: 40, height: 20 });
      const gray = readGrayPng(mask);
      assert.equal(gray.pixel(2, 2), 255);
      assert.equal(gray.pixel(38, 2), 0);
      const semantic = (await run('TASK_IMAGE_SEGMENTATION', { model: 'shape/image-segmentation/null-score', image: makePng(8, 8) })) as { segments: { score?: number }[] };
      assert.ok(semantic.segments.every((s) => !('score' in s)), 'null scores are left out');
    });

    it('TASK_OBJECT_DETECTION (boxes inside the image; an empty list is valid)', async () => {
      const out = (await run('TASK_OBJECT_DETECTION', { model: 'facebook/detr-resnet-50', image: makePng(100, 60) })) as { objects: { label: string; box: { xmin: number; xmax: number; ymax: number } }[] };
      assert.deepEqual(out.objects.map((o) => o.label), ['cat', 'remote']);
      for (const o of out.objects) assert.ok(o.box.xmin >= 0 && o.box.xmax <= 100 && o.box.ymax <= 60);
      assert.deepEqual(await run('TASK_OBJECT_DETECTION', { model: 'shape/object-detection/empty', image: makePng(4, 4) }), { objects: [] });
    });

    it('TASK_IMAGE_TO_TEXT', async () => {
      assert.deepEqual(await run('TASK_IMAGE_TO_TEXT', { model: 'Salesforce/blip-image-captioning-large', image: makePng(8, 8) }), { text: 'a picture of a cheetah' });
    });

    it('TASK_SPEECH_RECOGNITION (with and without timestamps)', async () => {
      const wav = makeWav(2);
      assert.deepEqual(await run('TASK_SPEECH_RECOGNITION', { model: 'openai/whisper-large-v3', audio: wav }), { text: 'HELLO FROM A 2 SECOND RECORDING' });
      assert.equal(server.requests[0].headers['content-type'], 'audio/wav');
      const withChunks = (await run('TASK_SPEECH_RECOGNITION', { model: 'shape/automatic-speech-recognition/chunks', audio: wav.toString('base64') })) as { chunks: { timestamp: number[] }[] };
      assert.ok(withChunks.chunks.length > 0);
      assert.equal(withChunks.chunks[0].timestamp[0], 0);
    });

    it('TASK_AUDIO_CLASSIFICATION', async () => {
      const out = (await run('TASK_AUDIO_CLASSIFICATION', { model: 'superb/hubert-large-superb-er', audio: makeWav(1) })) as { classes: { label: string; score: number }[] };
      assert.deepEqual(out.classes.map((c) => c.label).sort(), ['ang', 'hap', 'neu', 'sad']);
      for (let i = 1; i < out.classes.length; i++) assert.ok(out.classes[i - 1].score >= out.classes[i].score);
    });

    it('image options travel as headers', async () => {
      await run('TASK_IMAGE_CLASSIFICATION', { model: 'google/vit-base-patch16-224', image: makePng(2, 2), options: { wait_for_model: true, use_cache: false } });
      assert.equal(server.requests[0].headers['x-wait-for-model'], 'true');
      assert.equal(server.requests[0].headers['x-use-cache'], 'false');
    });
  });

  describe('bad input sends nothing', () => {
    const cases: [string, Request][] = [
      ['unknown task', { task: 'TASK_NOPE', setup: { base_url: 'x' }, input: { model: 'm' } } as never],
      ['typo in a field', { task: 'TASK_SUMMARIZATION', setup: { base_url: '' }, input: { model: 'm', input: 'x' } as never }],
      ['wrong parameter type', { task: 'TASK_SUMMARIZATION', setup: { base_url: '' }, input: { model: 'm', inputs: 'x', parameters: { temperature: 'hot' } } }],
      ['empty image', { task: 'TASK_IMAGE_CLASSIFICATION', setup: { base_url: '' }, input: { model: 'm', image: '' } }],
      ['non-base64 audio', { task: 'TASK_SPEECH_RECOGNITION', setup: { base_url: '' }, input: { model: 'm', audio: 'not base64 at all!' } }],
      ['audio given to an image task', { task: 'TASK_OBJECT_DETECTION', setup: { base_url: '' }, input: { model: 'm', image: makeWav(1) } }],
      ['ragged table', { task: 'TASK_TABLE_QUESTION_ANSWERING', setup: { base_url: '' }, input: { model: 'm', inputs: { query: 'q', table: { a: ['1', '2'], b: ['3'] } } } }],
      ['bad base URL', { task: 'TASK_SUMMARIZATION', setup: { base_url: 'ftp://host' }, input: { model: 'm', inputs: 'x' } }],
    ];
    for (const [name, request] of cases) {
      it(name, async () => {
        const r = { ...request, setup: { api_key: TOKEN, ...request.setup, base_url: request.setup.base_url === 'ftp://host' ? 'ftp://host' : server.url } };
        const e = await rejectsWith(execute(r), 'INVALID_INPUT');
        assert.ok(e.message.length > 20, e.message);
        await rejectsWith(collect(stream({ ...r, task: r.task === 'TASK_SUMMARIZATION' ? 'TASK_TEXT_GENERATION' : r.task })), 'INVALID_INPUT');
        assert.equal(server.requests.length, 0, 'no request was sent');
      });
    }

    it('names the field: ragged table and typo', async () => {
      await rejectsWith(run('TASK_TABLE_QUESTION_ANSWERING', { model: 'm', inputs: { query: 'q', table: { a: ['1', '2'], b: ['3'] } } }), 'INVALID_INPUT', /"a" has 2, "b" has 1/);
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'm', input: 'x' } as never), 'INVALID_INPUT', /unknown field "input" \(did you mean "inputs"\?\)/);
    });
  });

  describe('errors people can act on', () => {
    it('401 with a wrong token says the token was rejected', async () => {
      await rejectsWith(execute({ task: 'TASK_SUMMARIZATION', setup: { api_key: 'hf_wrongwrongwrong', base_url: server.url }, input: { model: 'facebook/bart-large-cnn', inputs: 'x' } }), 'HTTP', /401 Unauthorized: Invalid credentials in Authorization header\. The token was rejected/, 401);
    });

    it('no key: no Authorization header, and the 401 says a token is needed', async () => {
      await rejectsWith(execute({ task: 'TASK_SUMMARIZATION', setup: { api_key: '', base_url: server.url }, input: { model: 'facebook/bart-large-cnn', inputs: 'x' } }), 'HTTP', /needs a Hugging Face token/, 401);
      assert.equal(server.requests[0].headers.authorization, undefined);
    });

    it('403 names the fine-grained permission; 402 the credits; 410 the router', async () => {
      server.script({ status: 403, json: { error: 'This authentication method does not have sufficient permissions to call Inference Providers on behalf of user x' } });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'HTTP', /Make calls to Inference Providers/, 403);
      server.script({ status: 402, json: { error: 'You have exceeded your monthly included credits for Inference Providers.' } });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'HTTP', /credits/, 402);
      server.script({ status: 410, json: { error: 'https://api-inference.huggingface.co is no longer supported. Please use https://router.huggingface.co instead.' } });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'HTTP', /router\.huggingface\.co\/hf-inference/, 410);
    });

    it('404 for an unknown model; "not supported for provider" points to custom endpoints', async () => {
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'nobody/nothing', inputs: 'x' }), 'HTTP', /404 Not Found: Model nobody\/nothing does not exist/, 404);
      server.script({ status: 404, json: { error: "Task 'text-generation' not supported for provider. Available tasks: ['conversational']" } });
      await rejectsWith(run('TASK_TEXT_GENERATION', { model: 'gpt2', inputs: 'x' }), 'HTTP', /Inference Endpoint/, 404);
    });

    it('an error list is joined; a text/plain error is quoted; an HTML page is named', async () => {
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'shape/summarization/default', inputs: ' ' }), 'HTTP', /400 Bad Request: Input validation error/, 400);
      server.script({ status: 422, json: { error: ['first problem', 'second problem'] } });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'HTTP', /first problem; second problem/, 422);
      server.script({ status: 500, headers: { 'content-type': 'text/plain' }, body: 'Request failed during generation: out of memory' });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'HTTP', /out of memory/, 500);
      server.script({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' });
      // A 502 is retried with backoff; with waiting off it fails at once, saying what the gateway sent.
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { maxWaitMs: 0 }), 'HTTP', /502: an HTML page \("502 Bad Gateway"\)/, 502);
    });

    it('a 200 that is HTML, truncated JSON or the wrong shape is INVALID_RESPONSE', async () => {
      server.script({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>login</html>' });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'INVALID_RESPONSE', /an HTML page/);
      server.script({ status: 200, headers: { 'content-type': 'application/json' }, body: '[{"summary_text": "cut' });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'INVALID_RESPONSE', /not valid JSON/);
      server.script({ json: [{ label: 'x', score: 1 }] });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'INVALID_RESPONSE', /"summary_text" is missing/);
      server.script({ json: [] });
      await rejectsWith(run('TASK_TRANSLATION', { model: 'google-t5/t5-small', inputs: 'x' }), 'INVALID_RESPONSE', /empty list/);
      server.script({ json: [{ label: 'cat', score: 'high' }] });
      await rejectsWith(run('TASK_IMAGE_CLASSIFICATION', { model: 'google/vit-base-patch16-224', image: makePng(2, 2) }), 'INVALID_RESPONSE', /classes\[0\]\.score must be a number/);
    });

    it('a response larger than the limit is refused without reading it all', async () => {
      server.script({ json: [{ summary_text: 'x'.repeat(200_000) }] });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { maxResponseBytes: 50_000 }), 'INVALID_RESPONSE', /larger than/);
    });

    it('a refused connection is NETWORK and names the URL', async () => {
      const dead = await HfTestServer.start();
      const url = dead.url;
      await dead.close();
      await rejectsWith(execute({ task: 'TASK_SUMMARIZATION', setup: { api_key: TOKEN, base_url: url }, input: { model: 'a/b', inputs: 'x' } }), 'NETWORK', new RegExp(`Could not reach ${url.replace(/[.]/g, '\\.')}/models/a/b: the connection was refused`));
    });

    it('a server that echoes the token back never gets it into the message', async () => {
      server.script({ status: 400, json: { error: `bad header: Bearer ${TOKEN}` } });
      const e = await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'HTTP', /\[redacted\]/, 400);
      assert.equal(e.cause, undefined);
    });
  });

  describe('waiting, politely', () => {
    it('waits about the estimated time for a loading model, reports it, then succeeds', async () => {
      server.script({ status: 503, json: { error: 'Model facebook/bart-large-cnn is currently loading', estimated_time: 1.0 } });
      const statuses: { message: string; waitMs?: number }[] = [];
      const started = Date.now();
      const out = await run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'One. Two.' }, { onStatus: (s: { message: string; waitMs?: number }) => statuses.push(s) });
      const took = Date.now() - started;
      assert.deepEqual(out, { summary_text: 'One.' });
      assert.deepEqual(statuses, [{ message: 'model is loading, about 1 s', waitMs: 1000 }]);
      assert.ok(took >= 950 && took < 3000, `waited ${took} ms`);
      assert.equal(server.requests.length, 2);
    });

    it('waits Retry-After on a 429, then succeeds', async () => {
      server.script({ status: 429, headers: { 'retry-after': '1' }, json: { error: 'Rate limit reached' } });
      const statuses: string[] = [];
      const started = Date.now();
      await run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x.' }, { onStatus: (s: { message: string }) => statuses.push(s.message) });
      assert.ok(Date.now() - started >= 950);
      assert.deepEqual(statuses, ['rate limited, retrying in 1 s']);
    });

    it('fails at once when the estimate exceeds maxWaitMs (HTTP 503 with the estimate)', async () => {
      server.script({ status: 503, json: { error: 'Model x is currently loading', estimated_time: 20 } });
      const started = Date.now();
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { maxWaitMs: 5000 }), 'HTTP', /loading.*about 20 s/, 503);
      assert.ok(Date.now() - started < 1000, 'no waiting at all');
      assert.equal(server.requests.length, 1);
    });

    it('maxWaitMs 0 never waits: a 429 fails at once', async () => {
      server.script({ status: 429, headers: { 'retry-after': '1' }, json: { error: 'Model is overloaded', error_type: 'overloaded' } });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { maxWaitMs: 0 }), 'HTTP', /rate limited.*waiting is turned off/, 429);
    });

    it('backs off 1 s, 2 s… without an estimate, within the budget, never a tight loop', async () => {
      server.script({ status: 503, json: { error: 'Service Unavailable' }, times: 5 });
      const waits: number[] = [];
      const started = Date.now();
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { maxWaitMs: 3500, onStatus: (s: { waitMs?: number }) => waits.push(s.waitMs ?? -1) }), 'HTTP', /Gave up/, 503);
      assert.deepEqual(waits, [1000, 2000]);
      assert.ok(Date.now() - started >= 2900);
      assert.equal(server.requests.length, 3);
    });
  });

  describe('cancellation and timeouts', () => {
    it('an already-aborted signal sends nothing', async () => {
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { signal: AbortSignal.abort() }), 'CANCELLED');
      assert.equal(server.requests.length, 0);
    });

    it('aborting stops an in-flight request at once', async () => {
      server.script({ delayMs: 5000, json: [{ summary_text: 'late' }] });
      const ac = new AbortController();
      const started = Date.now();
      setTimeout(() => ac.abort(), 100);
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { signal: ac.signal }), 'CANCELLED');
      assert.ok(Date.now() - started < 1000);
    });

    it('aborting stops a wait for a loading model at once', async () => {
      server.script({ status: 503, json: { error: 'Model x is currently loading', estimated_time: 10 } });
      const ac = new AbortController();
      const started = Date.now();
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { signal: ac.signal, onStatus: () => setTimeout(() => ac.abort(), 50) }), 'CANCELLED');
      assert.ok(Date.now() - started < 1000);
    });

    it('timeoutMs: no headers in time → TIMEOUT', async () => {
      server.script({ hang: true });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { timeoutMs: 300 }), 'TIMEOUT', /did not answer within 0\.3 s/);
    });

    it('timeoutMs: a body that stalls after the headers → TIMEOUT', async () => {
      server.script({ stallAfterHeaders: true, headers: { 'content-type': 'application/json' }, body: '[{"summary_' });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }, { timeoutMs: 300 }), 'TIMEOUT');
    });

    it('a connection reset mid-body is NETWORK', async () => {
      server.script({ destroy: 'mid-body', headers: { 'content-type': 'application/json' }, body: '[{"summary_text": "par' });
      await rejectsWith(run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'x' }), 'NETWORK', /broke while reading/);
    });
  });

  describe('streaming', () => {
    const gen = (inputs: string, extra: Partial<TaskInput> = {}): Request => ({ task: 'TASK_TEXT_GENERATION', setup: setup(), input: { model: 'shape/text-generation/default', inputs, ...extra } });

    it('TGI token events: deltas as they come, special tokens skipped, no [DONE] needed', async () => {
      const chunks = await collect(stream(gen('Once', { parameters: { max_new_tokens: 4 } })));
      assert.equal(chunks.length, 4);
      assert.ok(chunks.every((c) => c.startsWith(' ')));
      assert.ok(!chunks.join('').includes('</s>'));
      assert.equal((server.requests[0].json as { stream: boolean }).stream, true);
      assert.equal(server.requests[0].headers.accept, 'text/event-stream');
    });

    it('yields each delta when it arrives, not at the end', async () => {
      server.script({ sse: ['data: {"token":{"text":"a","special":false}}\n\n', 'data:{"token":{"text":"b","special":false}}\n\n', ': keep-alive\n\n', 'data: {"token":{"text":"c","special":false}}\n\n'], sseDelayMs: 300 });
      const times: number[] = [];
      const started = Date.now();
      const chunks = await collect(stream(gen('x')), () => times.push(Date.now() - started));
      assert.deepEqual(chunks, ['a', 'b', 'c']);
      assert.ok(times[0] < 450 && times[2] >= 800, `arrival times ${times.join(', ')}`);
    });

    it('chat chunks for conversational: role-only first chunk, then words, then [DONE]', async () => {
      const chunks = await collect(stream({ task: 'TASK_CONVERSATIONAL', setup: setup(), input: { model: 'Qwen/Qwen2.5-7B-Instruct', inputs: { text: 'hello there' } } }));
      assert.equal(chunks.join(''), 'Reply 1: hello there');
      assert.ok(chunks.length >= 3);
    });

    it('an error event mid-stream rejects with its message', async () => {
      server.script({ sse: ['data: {"token":{"text":"a","special":false}}\n\n', 'data: {"error":"Input validation error: inputs too long","error_type":"validation"}\n\n'] });
      const got: string[] = [];
      await rejectsWith(collect(stream(gen('x')), (c) => got.push(c.text)), 'HTTP', /Input validation error: inputs too long/);
      assert.deepEqual(got, ['a']);
      server.script({ sse: ['data: {"error":{"message":"Provider overloaded","http_status_code":503}}\n\n'] });
      await rejectsWith(collect(stream(gen('x'))), 'HTTP', /Provider overloaded/, 503);
    });

    it('an HTTP error before the stream starts rejects with its status', async () => {
      await rejectsWith(collect(stream({ task: 'TASK_CONVERSATIONAL', setup: setup(), input: { model: 'shape/chat/not-served', inputs: { text: 'x' } } })), 'HTTP', /not supported/, 404);
    });

    it('a server killed mid-stream is NETWORK; silence longer than timeoutMs is TIMEOUT', async () => {
      server.script({ sse: ['data: {"token":{"text":"a","special":false}}\n\n'], sseThenDestroy: true });
      await rejectsWith(collect(stream(gen('x'))), 'NETWORK', /broke off|broke/);
      server.script({ stallAfterHeaders: true, headers: { 'content-type': 'text/event-stream' }, body: 'data: {"token":{"text":"a","special":false}}\n\n' });
      await rejectsWith(collect(stream(gen('x'), { timeoutMs: 300 })), 'TIMEOUT');
    });

    // A server of their own, so that idle keep-alive sockets of other tests do not count.
    async function withOwnServer(fn: (own: HfTestServer) => Promise<void>): Promise<void> {
      const own = await HfTestServer.start();
      try {
        own.script({ sse: Array.from({ length: 50 }, (_, i) => `data: {"token":{"text":"t${i}","special":false}}\n\n`), sseDelayMs: 50 });
        await fn(own);
        await waitFor(() => own.openConnections() === 0);
      } finally {
        await own.close();
      }
    }
    const ownGen = (own: HfTestServer): Request => ({ task: 'TASK_TEXT_GENERATION', setup: { base_url: own.url }, input: { model: 'shape/text-generation/default', inputs: 'x' } });

    it('cancelling closes the connection', async () => {
      await withOwnServer(async (own) => {
        const ac = new AbortController();
        const got: string[] = [];
        await rejectsWith(collect(stream(ownGen(own), { signal: ac.signal }), (c) => {
          got.push(c.text);
          if (got.length === 2) ac.abort();
        }), 'CANCELLED');
        assert.deepEqual(got, ['t0', 't1']);
      });
    });

    it('breaking out of the loop closes the connection too', async () => {
      await withOwnServer(async (own) => {
        for await (const c of stream(ownGen(own))) {
          assert.equal(c.text, 't0');
          break;
        }
      });
    });

    it('a server that ignores stream:true gives one delta with the whole text', async () => {
      server.script({ json: [{ generated_text: 'all at once' }] });
      assert.deepEqual(await collect(stream(gen('x'))), ['all at once']);
    });

    it('refuses tasks that cannot stream, before any request', async () => {
      await rejectsWith(collect(stream({ task: 'TASK_SUMMARIZATION', setup: setup(), input: { model: 'm', inputs: 'x' } })), 'INVALID_INPUT', /cannot be streamed/);
      assert.equal(server.requests.length, 0);
    });
  });

  describe('the token and the connection', () => {
    it('a redirect to another origin never carries the token; same-origin keeps it', async () => {
      const other = await HfTestServer.start();
      try {
        server.script({ status: 307, headers: { location: `${other.url}/models/facebook/bart-large-cnn` } });
        const out = await run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'Moved. Here.' });
        assert.deepEqual(out, { summary_text: 'Moved.' });
        assert.equal(other.requests.length, 1);
        assert.equal(other.requests[0].headers.authorization, undefined);
        assert.equal(other.requests[0].method, 'POST');
        server.reset();
        server.script({ status: 308, headers: { location: '/models/facebook/bart-large-cnn' } });
        await run('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'Same. Origin.' });
        assert.equal(server.requests[1].headers.authorization, `Bearer ${TOKEN}`);
      } finally {
        await other.close();
      }
    });

    it('sequential calls reuse one keep-alive connection', async () => {
      const fresh = await HfTestServer.start();
      try {
        for (let i = 0; i < 5; i++) await execute({ task: 'TASK_TEXT_CLASSIFICATION', setup: { base_url: fresh.url }, input: { model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english', inputs: `run ${i}` } });
        assert.equal(fresh.requests.length, 5);
        assert.equal(fresh.connectionsSeen(), 1);
      } finally {
        await fresh.close();
      }
    });

    it('streams a Blob (a file opened from disk) without reading it whole', async () => {
      const wav = makeWav(3);
      const out = await run('TASK_SPEECH_RECOGNITION', { model: 'openai/whisper-large-v3', audio: new Blob([wav]) });
      assert.deepEqual(out, { text: 'HELLO FROM A 3 SECOND RECORDING' });
      assert.equal(server.requests[0].headers['content-length'], String(wav.length));
      assert.equal(server.requests[0].headers['content-type'], 'audio/wav');
    });
  });
});

async function waitFor(predicate: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) assert.fail('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
