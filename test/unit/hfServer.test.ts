// The loopback Hugging Face test server itself: default answers per task,
// routes, auth, scripted failures, the control API, connections, the CLI.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { Agent, Client, request } from 'undici';
import { makeSelfSignedCertificate } from '../support/certs';
import { HfTestServer, type RecordedRequest } from '../support/hfServer';
import {
  makeBmp,
  makeFlac,
  makeGif,
  makeGrayPng,
  makeJpegLike,
  makeM4a,
  makeMp3,
  makeOgg,
  makePng,
  makeTiff,
  makeWav,
  makeWebm,
  makeWebp,
  readGrayPng,
  readImageSize,
  readPngSize,
  readWavDuration,
  sniffAudio,
  sniffImage,
} from '../support/media';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions walk arbitrary JSON
  json: any;
}

let server: HfTestServer;

async function send(path: string, body: string | Buffer | undefined, headers: Record<string, string>, method = 'POST', base = server.url): Promise<Reply> {
  const res = await request(`${base}${path}`, { method: method as 'POST', headers, body });
  const text = await res.body.text();
  const json = String(res.headers['content-type']).includes('application/json') ? JSON.parse(text) : undefined;
  return { status: res.statusCode, headers: res.headers, text, json };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => send(path, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
const upload = (path: string, bytes: Buffer, type: string) => send(path, bytes, { 'content-type': type });
const get = (path: string, headers: Record<string, string> = {}) => send(path, undefined, headers, 'GET');

/** The `data:` payloads of an event stream, in order (comments dropped). */
const sseData = (text: string) =>
  text
    .split('\n\n')
    .filter((e) => e.startsWith('data:'))
    .map((e) => e.replace(/^data: ?/, ''));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  server = await HfTestServer.start();
});
after(() => server.close());
beforeEach(() => server.reset());

describe('media fixtures', () => {
  it('makes real PNGs whose size and pixels read back', () => {
    assert.deepEqual(readPngSize(makePng(31, 17)), { width: 31, height: 17 });
    const gray = readGrayPng(makeGrayPng(5, 3, (x, y) => x * 10 + y));
    assert.equal(gray.pixel(4, 2), 42);
    assert.throws(() => readPngSize(makeJpegLike()), /not a PNG/);
  });

  it('makes a WAV of the asked duration with a real sine', () => {
    const wav = makeWav(2.5, 8000);
    assert.equal(readWavDuration(wav), 2.5);
    assert.equal(wav.length, 44 + 2.5 * 8000 * 2);
    assert.ok(Math.abs(wav.readInt16LE(44 + 2 * 5)) > 1000, 'not silence');
  });

  it('sniffs every fixture by its magic numbers', () => {
    const images = { png: makePng(2, 2), jpeg: makeJpegLike(), gif: makeGif(), webp: makeWebp(), bmp: makeBmp(3, 2), tiff: makeTiff() };
    for (const [format, bytes] of Object.entries(images)) assert.equal(sniffImage(bytes), format);
    const audio = { wav: makeWav(0.1), flac: makeFlac(), mp3: makeMp3(), ogg: makeOgg(), webm: makeWebm(), m4a: makeM4a() };
    for (const [format, bytes] of Object.entries(audio)) {
      assert.equal(sniffAudio(bytes), format);
      assert.equal(sniffImage(bytes), undefined, format);
    }
    assert.deepEqual(readImageSize(makeBmp(7, 5)), { width: 7, height: 5 });
    assert.deepEqual(readImageSize(makeGif()), { width: 1, height: 1 });
  });
});

describe('HfTestServer text tasks', () => {
  const classify = (inputs: string, model = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english') => post(`/models/${model}`, { inputs });

  it('text-classification: nested list, POSITIVE iff a positive word, scores summing to 1', async () => {
    const pos = await classify('I love this movie');
    assert.equal(pos.status, 200);
    assert.match(String(pos.headers['content-type']), /^application\/json/);
    const [[top, other]] = pos.json;
    assert.equal(top.label, 'POSITIVE');
    assert.ok(top.score >= 0.9 && top.score < 1);
    assert.equal(top.score + other.score, 1);
    assert.equal((await classify('Terrible plot.')).json[0][0].label, 'NEGATIVE');
    assert.deepEqual((await classify('I love this movie')).json, pos.json, 'deterministic');
    const flat = await classify('Great!', 'shape/text-classification/flat');
    assert.equal(flat.json[0].label, 'POSITIVE');
  });

  it('fill-mask: three fills into the mask, 400 without one', async () => {
    const r = await post('/models/google-bert/bert-base-uncased', { inputs: 'Paris is [MASK] capital of France.' });
    assert.deepEqual(r.json[0], { score: 0.5, token: 1996, token_str: 'the', sequence: 'Paris is the capital of France.' });
    assert.deepEqual(r.json.map((f: { token_str: string }) => f.token_str), ['the', 'a', 'this']);
    assert.equal((await post('/models/FacebookAI/roberta-base', { inputs: 'Hi <mask>!' })).json[1].sequence, 'Hi a!');
    const bad = await post('/models/google-bert/bert-base-uncased', { inputs: 'no mask' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json, { error: 'No mask_token ([MASK]) found on the input' });
  });

  it('summarization: the first sentence, max_length words, an error list when empty', async () => {
    const text = 'The tower is 324 metres tall. It was the tallest structure for 41 years.';
    assert.deepEqual((await post('/models/facebook/bart-large-cnn', { inputs: text })).json, [{ summary_text: 'The tower is 324 metres tall.' }]);
    const short = await post('/models/facebook/bart-large-cnn', { inputs: text, parameters: { max_length: 3, min_length: 1 } });
    assert.deepEqual(short.json, [{ summary_text: 'The tower is' }]);
    const empty = await post('/models/facebook/bart-large-cnn', { inputs: '' });
    assert.equal(empty.status, 400);
    assert.deepEqual(empty.json, { error: ['Input validation error: `inputs` must not be empty'] });
    assert.deepEqual((await post('/models/shape/summarization/object', { inputs: 'One. Two.' })).json, { summary_text: 'One.' });
  });

  it('translation: French by default, German for tgt_lang "de"', async () => {
    const fr = await post('/models/google-t5/t5-small', { inputs: 'Hello world, my name is Ada.' });
    assert.deepEqual(fr.json, [{ translation_text: 'Bonjour monde, mon nom est Ada.' }]);
    const de = await post('/models/google-t5/t5-small', { inputs: 'My name is Wolfgang and I live in Berlin', parameters: { tgt_lang: 'de' } });
    assert.deepEqual(de.json, [{ translation_text: 'Mein Name ist Wolfgang und ich lebe in Berlin' }]);
  });

  it('token-classification: merged entities with exact offsets; per-word B-/I- tags with "none"', async () => {
    const inputs = 'My name is Sarah Jessica Parker and I work at Microsoft in London.';
    const r = await post('/models/dslim/bert-base-NER', { inputs });
    assert.deepEqual(
      r.json.map((e: { entity_group: string; word: string }) => [e.entity_group, e.word]),
      [['PER', 'Sarah Jessica Parker'], ['ORG', 'Microsoft'], ['LOC', 'London']],
    );
    for (const e of r.json) assert.equal(inputs.slice(e.start, e.end), e.word);
    assert.deepEqual(r.json[0].start, 11);
    const none = await post('/models/dslim/bert-base-NER', { inputs, parameters: { aggregation_strategy: 'none' } });
    assert.deepEqual(
      none.json.slice(0, 3).map((e: { entity: string; index: number; word: string }) => [e.entity, e.index, e.word]),
      [['B-PER', 4, 'Sarah'], ['I-PER', 5, 'Jessica'], ['I-PER', 6, 'Parker']],
    );
    for (const e of none.json) assert.equal(inputs.slice(e.start, e.end), e.word);
  });

  it('zero-shot: the mentioned label wins, scores sum to 1, labels required, variants', async () => {
    const model = '/models/facebook/bart-large-mnli';
    const r = await post(model, { inputs: 'I want a refund now', parameters: { candidate_labels: ['faq', 'refund', 'legal'] } });
    assert.equal(r.json.sequence, 'I want a refund now');
    assert.equal(r.json.labels[0], 'refund');
    assert.deepEqual([...r.json.scores].sort((a: number, b: number) => b - a), r.json.scores);
    assert.ok(Math.abs(r.json.scores.reduce((a: number, b: number) => a + b) - 1) < 1e-9);
    const csv = await post(model, { inputs: 'I want a refund now', parameters: { candidate_labels: 'faq, refund, legal' } });
    assert.deepEqual(csv.json, r.json);
    const multi = await post(model, { inputs: 'legal refund', parameters: { candidate_labels: ['faq', 'refund', 'legal'], multi_label: true } });
    assert.ok(multi.json.scores[1] > 0.9 && multi.json.scores.reduce((a: number, b: number) => a + b) > 1);
    const missing = await post(model, { inputs: 'x' });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json, { error: ['Error in `parameters.candidate_labels`: field required'] });
    const labelscore = await post('/models/shape/zero-shot-classification/labelscore', { inputs: 'a faq', parameters: { candidate_labels: ['faq', 'legal'] } });
    assert.equal(labelscore.json[0].label, 'faq');
    const list = await post('/models/shape/zero-shot-classification/list', { inputs: 'a faq', parameters: { candidate_labels: ['faq', 'legal'] } });
    assert.equal(list.json[0].labels[0], 'faq');
  });

  it('question-answering: a span of the context with exact offsets; 400 without context', async () => {
    const context = 'My name is Wolfgang and I live in Berlin.';
    const r = await post('/models/deepset/roberta-base-squad2', { inputs: { question: 'What is my name?', context } });
    assert.equal(r.json.answer, 'Wolfgang');
    assert.equal(context.slice(r.json.start, r.json.end), 'Wolfgang');
    assert.ok(r.json.score > 0 && r.json.score < 1);
    const where = await post('/models/deepset/roberta-base-squad2', { inputs: { question: 'Where does Wolfgang live?', context } });
    assert.equal(where.json.answer, 'Berlin');
    const bad = await post('/models/deepset/roberta-base-squad2', { inputs: { question: 'Why?' } });
    assert.equal(bad.status, 400);
    const list = await post('/models/shape/question-answering/list', { inputs: { question: 'Who?', context: 'it was me' } });
    assert.deepEqual(list.json.map((a: { answer: string }) => a.answer), ['me']);
  });

  it('table-question-answering: lookup, COUNT, SUM; string cells and equal columns required', async () => {
    const table = { Repository: ['Transformers', 'Datasets', 'Tokenizers'], Stars: ['36542', '4512', '3934'] };
    const ask = (inputs: unknown) => post('/models/google/tapas-base-finetuned-wtq', { inputs });
    assert.deepEqual((await ask({ query: 'How many stars does Datasets have?', table })).json.aggregator, 'COUNT');
    assert.deepEqual((await ask({ query: 'Stars of Datasets?', table })).json, { answer: '4512', coordinates: [[1, 1]], cells: ['4512'], aggregator: 'NONE' });
    assert.deepEqual((await ask({ question: 'What is the total of stars?', table })).json, {
      answer: 'SUM > 36542, 4512, 3934',
      coordinates: [[0, 1], [1, 1], [2, 1]],
      cells: ['36542', '4512', '3934'],
      aggregator: 'SUM',
    });
    const count = await ask({ query: 'how many repositories?', table });
    assert.equal(count.json.answer, 'COUNT > Transformers, Datasets, Tokenizers');
    const numbers = await ask({ query: 'Stars of Datasets?', table: { Repository: ['Datasets'], Stars: [4512] } });
    assert.deepEqual([numbers.status, numbers.json], [400, { error: 'table cells must be strings' }]);
    assert.equal((await ask({ query: 'x', table: { a: ['1', '2'], b: ['1'] } })).status, 400);
  });

  it('sentence-similarity: Jaccard word overlap, also on the /pipeline/ route', async () => {
    const inputs = { source_sentence: 'The cat sits', sentences: ['the cat sits', 'The cat runs', 'Dogs bark'] };
    const r = await post('/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity', { inputs });
    assert.deepEqual(r.json, [1, 0.5, 0]);
    assert.deepEqual((await post('/models/sentence-transformers/all-mpnet-base-v2', { inputs })).json, [1, 0.5, 0]);
  });
});

describe('HfTestServer generation and chat', () => {
  it('text-generation: inputs + continuation, max_new_tokens words, return_full_text', async () => {
    const model = '/models/Qwen/Qwen2.5-7B-Instruct';
    assert.deepEqual((await post(model, { inputs: 'Once' })).json, [{ generated_text: 'Once and then the story continues.' }]);
    assert.deepEqual((await post(model, { inputs: 'Once', parameters: { max_new_tokens: 2 } })).json, [{ generated_text: 'Once and then' }]);
    assert.deepEqual((await post(model, { inputs: 'Once', parameters: { return_full_text: false } })).json, [{ generated_text: ' and then the story continues.' }]);
    assert.deepEqual((await post('/models/shape/text-generation/object', { inputs: 'A' })).json, { generated_text: 'A and then the story continues.' });
  });

  it('text-generation stream: TGI events, a keep-alive comment, the end token with generated_text, no [DONE]', async () => {
    const r = await post('/models/openai-community/gpt2', { inputs: 'Once', parameters: { max_new_tokens: 3 }, stream: true });
    assert.match(String(r.headers['content-type']), /^text\/event-stream/);
    assert.ok(r.text.includes('data:{') && r.text.includes('data: {'), 'both data: spellings');
    assert.ok(r.text.includes('\n\n:\n\n'), 'keep-alive comment');
    assert.ok(!r.text.includes('[DONE]'));
    const events = sseData(r.text).map((d) => JSON.parse(d));
    assert.deepEqual(events.map((e) => e.token.text), [' and', ' then', ' the', '</s>']);
    assert.deepEqual(events.map((e) => e.token.special), [false, false, false, true]);
    assert.equal(events[3].generated_text, 'Once and then the');
    assert.equal(events[0].generated_text, null);
  });

  it('chat: "Reply n: last message" in a full chat.completion, on every chat route', async () => {
    const messages = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
      { role: 'user', content: [{ type: 'text', text: 'How are you?' }] },
    ];
    const r = await post('/v1/chat/completions', { model: 'Qwen/Qwen2.5-7B-Instruct:fastest', messages });
    assert.equal(r.json.object, 'chat.completion');
    assert.equal(r.json.model, 'Qwen/Qwen2.5-7B-Instruct');
    assert.deepEqual(r.json.choices[0].message, { role: 'assistant', content: 'Reply 2: How are you?' });
    assert.equal(r.json.choices[0].finish_reason, 'stop');
    assert.equal(r.json.usage.completion_tokens, 5);
    assert.equal(r.json.usage.total_tokens, r.json.usage.prompt_tokens + 5);
    for (const path of ['/hf-inference/models/Qwen/Qwen2.5-7B-Instruct/v1/chat/completions', '/endpoint/chat/v1/chat/completions', '/endpoint/chat/chat/completions']) {
      assert.equal((await post(path, { model: 'tgi', messages })).json.choices[0].message.content, 'Reply 2: How are you?', path);
    }
    const cut = await post('/v1/chat/completions', { model: 'meta-llama/Llama-3.1-8B-Instruct', messages, max_tokens: 3 });
    assert.equal(cut.json.choices[0].message.content, 'Reply 2: How');
  });

  it('chat errors: 422 without messages, 404 not served / unknown, 400 not a chat model', async () => {
    const messages = [{ role: 'user', content: 'x' }];
    const none = await post('/v1/chat/completions', { model: 'Qwen/Qwen2.5-7B-Instruct', messages: [] });
    assert.deepEqual([none.status, none.json], [422, { error: { message: 'messages: field required' } }]);
    const notServed = await post('/v1/chat/completions', { model: 'shape/chat/not-served', messages });
    assert.deepEqual([notServed.status, notServed.json], [404, { error: 'Model not supported by provider' }]);
    const unknown = await post('/v1/chat/completions', { model: 'nobody/nothing', messages });
    assert.deepEqual([unknown.status, unknown.json], [404, { error: 'Model nobody/nothing does not exist' }]);
    assert.equal((await post('/v1/chat/completions', { model: 'facebook/bart-large-cnn', messages })).status, 400);
  });

  it('chat stream: role-only first chunk, one chunk per word, finish chunk, [DONE]', async () => {
    const r = await post('/v1/chat/completions', { model: 'shape/chat/default', stream: true, messages: [{ role: 'user', content: 'good day' }] });
    const data = sseData(r.text);
    assert.equal(data.at(-1), '[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    assert.ok(chunks.every((c) => c.object === 'chat.completion.chunk'));
    assert.deepEqual(chunks[0].choices[0].delta, { role: 'assistant' });
    assert.deepEqual(chunks.slice(1, -1).map((c) => c.choices[0].delta.content), ['Reply', ' 1:', ' good', ' day']);
    assert.deepEqual(chunks.at(-1).choices[0], { index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
  });
});

describe('HfTestServer image and audio tasks', () => {
  it('image-classification: top label by format, 400 for non-images', async () => {
    const cases: [Buffer, string, string][] = [
      [makePng(8, 8), 'image/png', 'cheetah'],
      [makeJpegLike(), 'image/jpeg', 'giraffe'],
      [makeGif(), 'image/gif', 'zebra'],
      [makeWebp(), 'image/webp', 'panda'],
      [makeBmp(4, 4), 'image/bmp', 'koala'],
      [makeTiff(), 'image/tiff', 'lynx'],
    ];
    for (const [bytes, type, label] of cases) {
      const r = await upload('/models/google/vit-base-patch16-224', bytes, type);
      assert.deepEqual(r.json.map((c: { label: string }) => c.label), [label, 'tabby cat', 'remote control']);
      assert.ok(r.json[0].score > r.json[1].score && r.json[1].score > r.json[2].score);
    }
    const bad = await upload('/models/google/vit-base-patch16-224', Buffer.from('hello'), 'image/png');
    assert.deepEqual([bad.status, bad.json], [400, { error: 'cannot identify image file' }]);
    assert.equal(server.requests[0].headers['content-type'], 'image/png');
    assert.deepEqual(server.requests[0].body, makePng(8, 8));
  });

  it('object-detection: integer boxes inside the PNG; variant empty', async () => {
    const r = await upload('/models/facebook/detr-resnet-50', makePng(640, 480), 'image/png');
    assert.deepEqual(r.json.map((o: { label: string; box: object }) => [o.label, o.box]), [
      ['cat', { xmin: 0, ymin: 0, xmax: 319, ymax: 479 }],
      ['remote', { xmin: 320, ymin: 240, xmax: 639, ymax: 479 }],
    ]);
    assert.deepEqual((await upload('/models/shape/object-detection/empty', makeGif(), 'image/gif')).json, []);
  });

  it('image-segmentation: base64 grayscale PNG masks of the image size (halves); null scores', async () => {
    const r = await upload('/models/nvidia/segformer-b0-finetuned-ade-512-512', makePng(10, 6), 'image/png');
    assert.deepEqual(r.json.map((s: { label: string }) => s.label), ['cat', 'wall']);
    const cat = readGrayPng(Buffer.from(r.json[0].mask, 'base64'));
    const wall = readGrayPng(Buffer.from(r.json[1].mask, 'base64'));
    assert.deepEqual([cat.width, cat.height], [10, 6]);
    assert.deepEqual([cat.pixel(4, 5), cat.pixel(5, 0), wall.pixel(4, 5), wall.pixel(9, 0)], [255, 0, 0, 255]);
    const jpeg = await upload('/models/shape/image-segmentation/null-score', makeJpegLike(), 'image/jpeg');
    assert.equal(jpeg.json[0].score, null);
    assert.deepEqual(readPngSize(Buffer.from(jpeg.json[0].mask, 'base64')), { width: 64, height: 64 });
  });

  it('image-to-text: a caption from the format; also JSON {inputs: base64}', async () => {
    assert.deepEqual((await upload('/models/Salesforce/blip-image-captioning-large', makeJpegLike(), 'image/jpeg')).json, [{ generated_text: 'a picture of a giraffe' }]);
    const json = await post('/models/shape/image-to-text/object', { inputs: makeGif().toString('base64') });
    assert.deepEqual(json.json, { generated_text: 'a picture of a zebra' });
  });

  it('speech recognition: WAV duration in the text, other formats, malformed audio, chunks', async () => {
    const r = await upload('/models/openai/whisper-large-v3', makeWav(3.2), 'audio/wav');
    assert.deepEqual(r.json, { text: 'HELLO FROM A 3 SECOND RECORDING' });
    for (const [bytes, type] of [[makeFlac(), 'audio/flac'], [makeMp3(), 'audio/mpeg'], [makeOgg(), 'audio/ogg'], [makeWebm(), 'audio/webm'], [makeM4a(), 'audio/mp4']] as const) {
      assert.deepEqual((await upload('/models/openai/whisper-large-v3', bytes, type)).json, { text: 'HELLO FROM AN AUDIO FILE' }, type);
    }
    const bad = await upload('/models/openai/whisper-large-v3', makePng(2, 2), 'audio/wav');
    assert.deepEqual([bad.status, bad.json], [400, { error: 'Malformed soundfile' }]);
    const chunks = await upload('/models/shape/automatic-speech-recognition/chunks', makeWav(4), 'audio/wav');
    assert.deepEqual(chunks.json.chunks, [
      { timestamp: [0, 2], text: 'HELLO FROM A' },
      { timestamp: [2, 4], text: ' 4 SECOND RECORDING' },
    ]);
  });

  it('speech recognition streams a 20 MB upload, keeping only its head', async () => {
    const dataBytes = 20 * 1024 * 1024;
    const header = makeWav(0);
    header.writeUInt32LE(36 + dataBytes, 4);
    header.writeUInt32LE(dataBytes, 40);
    async function* wav() {
      yield header;
      for (let i = 0; i < 20; i++) yield Buffer.alloc(1024 * 1024);
    }
    const res = await request(`${server.url}/models/openai/whisper-large-v3`, { method: 'POST', headers: { 'content-type': 'audio/wav' }, body: Readable.from(wav()) });
    assert.deepEqual(await res.body.json(), { text: `HELLO FROM A ${Math.round(dataBytes / 32000)} SECOND RECORDING` });
    assert.equal(server.requests[0].bodyLength, header.length + dataBytes);
    assert.equal(server.requests[0].body.length, 64 * 1024);
  });

  it('audio-classification: neu, hap, ang, sad in order', async () => {
    const r = await upload('/models/superb/hubert-large-superb-er', makeWav(1), 'audio/wav');
    assert.deepEqual(r.json.map((c: { label: string }) => c.label), ['neu', 'hap', 'ang', 'sad']);
    assert.ok(Math.abs(r.json.reduce((a: number, c: { score: number }) => a + c.score, 0) - 1) < 1e-9);
  });
});

describe('HfTestServer routes and auth', () => {
  it('404s for unknown models and routes; JSON bodies over 8 MB get 413', async () => {
    const unknown = await post('/models/nobody/nothing', { inputs: 'x' });
    assert.deepEqual([unknown.status, unknown.json], [404, { error: 'Model nobody/nothing does not exist' }]);
    const route = await get('/nowhere');
    assert.deepEqual([route.status, route.json], [404, { error: 'Not Found' }]);
    assert.equal((await post('/models/shape/summarization/not-served', { inputs: 'x' })).status, 404);
    const big = await post('/models/facebook/bart-large-cnn', { inputs: 'x'.repeat(9 * 1024 * 1024) });
    assert.equal(big.status, 413);
  });

  it('custom endpoints serve their task whatever the model, with a variant segment', async () => {
    assert.equal((await post('/endpoint/text-classification', { model: 'anything', inputs: 'good' })).json[0][0].label, 'POSITIVE');
    assert.equal((await post('/endpoint/text-classification/flat', { inputs: 'good' })).json[0].label, 'POSITIVE');
    assert.deepEqual((await post('/endpoint/chat', { inputs: 'Hi', parameters: { max_new_tokens: 1 } })).json, [{ generated_text: 'Hi and' }]);
    assert.equal((await upload('/endpoint/image-classification', makeBmp(2, 2), 'image/bmp')).json[0].label, 'koala');
  });

  it('records method, path with query, lower-case headers, body and parsed JSON', async () => {
    await post('/models/facebook/bart-large-cnn?x=1', { inputs: 'A.', options: { wait_for_model: true } }, { 'X-Wait-For-Model': 'true', 'X-Use-Cache': 'false' });
    const rec: RecordedRequest = server.requests[0];
    assert.equal(rec.method, 'POST');
    assert.equal(rec.path, '/models/facebook/bart-large-cnn?x=1');
    assert.equal(rec.headers['x-wait-for-model'], 'true');
    assert.equal(rec.headers['x-use-cache'], 'false');
    assert.deepEqual(rec.json, { inputs: 'A.', options: { wait_for_model: true } });
    assert.equal(rec.bodyLength, rec.body.length);
  });

  it('with a token: 401 without it, answers with it; whoami checks it', async () => {
    const secured = await HfTestServer.start({ token: 'hf_secret' });
    try {
      const call = (auth?: string) => send('/models/facebook/bart-large-cnn', JSON.stringify({ inputs: 'A.' }), { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, 'POST', secured.url);
      const denied = await call();
      assert.deepEqual([denied.status, denied.json], [401, { error: 'Invalid credentials in Authorization header' }]);
      assert.equal((await call('Bearer hf_wrong')).status, 401);
      assert.equal((await call('Bearer hf_secret')).status, 200);
      const whoami = await send('/api/whoami-v2', undefined, { authorization: 'Bearer hf_secret' }, 'GET', secured.url);
      assert.equal(whoami.json.name, 'test-user');
      assert.equal(whoami.json.auth.accessToken.role, 'fineGrained');
      assert.equal((await send('/api/whoami-v2', undefined, { authorization: 'Bearer hf_other' }, 'GET', secured.url)).status, 401);
    } finally {
      await secured.close();
    }
  });

  it('without a token: whoami takes any token but not none', async () => {
    assert.equal((await get('/api/whoami-v2', { authorization: 'Bearer hf_anything' })).json.fullname, 'Test User');
    assert.equal((await get('/api/whoami-v2')).status, 401);
  });

  it('Hub search filters by tag, search text and provider, sorted by downloads, limited', async () => {
    const all = await get('/api/models?pipeline_tag=automatic-speech-recognition&sort=downloads');
    assert.ok(all.json.length >= 3);
    assert.ok(all.json.every((m: { pipeline_tag: string }) => m.pipeline_tag === 'automatic-speech-recognition'));
    const downloads = all.json.map((m: { downloads: number }) => m.downloads);
    assert.deepEqual(downloads, [...downloads].sort((a, b) => b - a));
    assert.deepEqual(Object.keys(all.json[0]).sort(), ['downloads', 'gated', 'id', 'library_name', 'likes', 'pipeline_tag', 'private', 'tags']);
    const whisper = await get('/api/models?pipeline_tag=automatic-speech-recognition&search=WHISPER&limit=2&inference_provider=hf-inference');
    assert.deepEqual(whisper.json.map((m: { id: string }) => m.id), ['openai/whisper-large-v3', 'openai/whisper-large-v3-turbo']);
    const captions = await get('/api/models?pipeline_tag=image-to-text&inference_provider=hf-inference');
    assert.deepEqual(captions.json, []);
  });

  it('Hub model info carries the provider mapping; 404 for unknown models', async () => {
    const info = await get('/api/models/facebook/bart-large-cnn?expand[]=inferenceProviderMapping');
    assert.deepEqual(info.json.inferenceProviderMapping, { 'hf-inference': { status: 'live', providerId: 'facebook/bart-large-cnn', task: 'summarization' } });
    assert.deepEqual((await get('/api/models/Salesforce/blip-image-captioning-large')).json.inferenceProviderMapping, {});
    assert.equal((await get('/api/models/nobody/nothing')).status, 404);
  });

  it('latencyMs delays default answers', async () => {
    const slow = await HfTestServer.start({ latencyMs: 150 });
    try {
      const started = performance.now();
      const r = await send('/models/facebook/bart-large-cnn', JSON.stringify({ inputs: 'A.' }), { 'content-type': 'application/json' }, 'POST', slow.url);
      assert.equal(r.status, 200);
      assert.ok(performance.now() - started >= 145);
    } finally {
      await slow.close();
    }
  });

  it('serves HTTPS with the given key and certificate', async () => {
    const { key, cert } = makeSelfSignedCertificate();
    const tls = await HfTestServer.start({ tls: { key, cert } });
    const agent = new Agent({ connect: { ca: cert } });
    try {
      assert.match(tls.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      const res = await request(`${tls.url}/api/whoami-v2`, { headers: { authorization: 'Bearer hf_x' }, dispatcher: agent });
      assert.equal(((await res.body.json()) as { name: string }).name, 'test-user');
    } finally {
      await agent.close();
      await tls.close();
    }
  });
});

describe('HfTestServer scripted replies', () => {
  const model = '/models/facebook/bart-large-cnn';

  it('pre-empts the default answer once with status, headers and JSON', async () => {
    server.script({ status: 503, headers: { 'Retry-After': '7' }, json: { error: 'Model facebook/bart-large-cnn is currently loading', estimated_time: 20 } });
    const loading = await post(model, { inputs: 'A.' });
    assert.deepEqual([loading.status, loading.headers['retry-after'], loading.json.estimated_time], [503, '7', 20]);
    assert.equal((await post(model, { inputs: 'A.' })).status, 200);
    assert.equal(server.requests.length, 2);
  });

  it('raw bodies, times and match (FIFO among matching replies)', async () => {
    server.script({ status: 500, body: 'upstream exploded', headers: { 'content-type': 'text/plain' }, match: 'bart', times: 2 });
    server.script({ status: 429, json: { error: 'Model is overloaded', error_type: 'overloaded' } });
    const other = await post('/models/google-t5/t5-small', { inputs: 'hello' });
    assert.equal(other.status, 429);
    for (let i = 0; i < 2; i++) {
      const r = await post(model, { inputs: 'A.' });
      assert.deepEqual([r.status, r.text, r.headers['content-type']], [500, 'upstream exploded', 'text/plain']);
    }
    assert.equal((await post(model, { inputs: 'A.' })).status, 200);
  });

  it('delayMs waits before the headers', async () => {
    server.script({ delayMs: 120, json: [{ summary_text: 'late' }] });
    const started = performance.now();
    assert.deepEqual((await post(model, { inputs: 'A.' })).json, [{ summary_text: 'late' }]);
    assert.ok(performance.now() - started >= 115);
  });

  it('destroy before headers resets the connection; mid-body cuts the body', async () => {
    server.script({ destroy: 'before-headers' });
    await assert.rejects(post(model, { inputs: 'A.' }), (err: Error & { code?: string }) => /ECONNRESET|UND_ERR_SOCKET/.test(String(err.code)));
    server.script({ destroy: 'mid-body', json: { text: 'x'.repeat(5000) } });
    const res = await request(`${server.url}${model}`, { method: 'POST', body: '{}' });
    assert.equal(res.statusCode, 200);
    await assert.rejects(res.body.text());
    assert.equal(server.requests.length, 2);
  });

  it('sse events arrive as written, sseDelayMs apart; sseThenDestroy breaks the stream', async () => {
    const events = ['data: {"a":1}\n\n', 'data: {"a":2}\n\n', 'data: [DONE]\n\n'];
    server.script({ sse: events, sseDelayMs: 40 });
    const started = performance.now();
    const r = await post('/v1/chat/completions', {});
    assert.equal(r.text, events.join(''));
    assert.match(String(r.headers['content-type']), /^text\/event-stream/);
    assert.ok(performance.now() - started >= 75);

    server.script({ sse: events.slice(0, 2), sseThenDestroy: true });
    const res = await request(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{}' });
    let received = '';
    await assert.rejects(async () => {
      for await (const chunk of res.body) received += chunk.toString();
    });
    assert.equal(received, events.slice(0, 2).join(''));
  });

  it('stallAfterHeaders sends headers and body, then nothing', async () => {
    server.script({ stallAfterHeaders: true, headers: { 'content-type': 'text/event-stream' }, body: 'data: {"partial":true}\n\n' });
    const res = await request(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{}' });
    assert.equal(res.statusCode, 200);
    const first = await new Promise<Buffer>((resolve) => res.body.once('data', resolve));
    let ended = false;
    res.body.on('end', () => (ended = true));
    await sleep(150);
    assert.equal(first.toString(), 'data: {"partial":true}\n\n');
    assert.equal(ended, false);
    res.body.destroy();
  });

  it('close() ends a hung request and idle keep-alive sockets at once', async () => {
    const own = await HfTestServer.start();
    const idle = new Client(own.url);
    await (await idle.request({ path: model, method: 'POST', body: '{"inputs":"A."}' })).body.text();
    own.script({ hang: true });
    const pending = request(`${own.url}${model}`, { method: 'POST', body: '{"inputs":"A."}' });
    pending.catch(() => undefined);
    while (own.requests.length < 2 || own.requests[1].bodyLength === 0) await sleep(5);
    assert.equal(own.openConnections(), 2);
    const started = performance.now();
    await own.close();
    assert.ok(performance.now() - started < 1000);
    await assert.rejects(pending);
    assert.equal(own.openConnections(), 0);
    await idle.close();
  });

  it('control API: script, requests (bodies base64) and reset over HTTP', async () => {
    const scripted = await post('/__control/script', { status: 502, body: 'bad gateway', headers: { 'content-type': 'text/plain' } });
    assert.deepEqual(scripted.json, { ok: true });
    const r = await post(model, { inputs: 'A.' });
    assert.deepEqual([r.status, r.text], [502, 'bad gateway']);
    const list = (await get('/__control/requests')).json;
    assert.equal(list.length, 1, 'control requests are not recorded');
    assert.equal(Buffer.from(list[0].body, 'base64').toString(), '{"inputs":"A."}');
    assert.deepEqual(list[0].json, { inputs: 'A.' });
    await post('/__control/reset', {});
    assert.equal(server.requests.length, 0);
  });

  it('keep-alive: sequential requests reuse one connection', async () => {
    const client = new Client(server.url);
    try {
      for (let i = 0; i < 3; i++) {
        const res = await client.request({ path: model, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"inputs":"A."}' });
        assert.equal(res.statusCode, 200);
        await res.body.text();
      }
      assert.equal(server.connectionsSeen(), 1);
      assert.ok(server.openConnections() >= 1);
    } finally {
      await client.close();
    }
  });
});

describe('hfServerMain (the server in its own process)', () => {
  it('prints {"url"} once listening, serves, and exits when stdin closes', async () => {
    const child = spawn(process.execPath, [join(__dirname, '../support/hfServerMain.js'), '--token', 'hf_cli'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const [line] = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
    const { url } = JSON.parse(line) as { url: string };
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await send('/api/whoami-v2', undefined, { authorization: 'Bearer hf_cli' }, 'GET', url);
    assert.equal(r.json.name, 'test-user');
    child.stdin.end();
    assert.equal(await exited, 0);
  });
});
