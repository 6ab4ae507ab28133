// Running component files and recipes end to end through the real executor against
// the loopback HF server: references resolved, dependencies first, kebab-case mapped,
// setup decided, and every failure tied to the place in the file that caused it.
import * as assert from 'node:assert/strict';
import { parseFile, runUnits, RunFailure, type ParsedFile } from '../../src/extension/componentFiles';
import { HfTestServer } from '../support/hfServer';
import { makePng, makeWav } from '../support/media';
import { fakeHost, type FakeHostOptions } from '../support/componentHost';
import { rangeOf } from '../support/componentText';

const TOKEN = 'hf_componentfiles_token_1234567890';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

async function failure(p: Promise<unknown>): Promise<RunFailure> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof RunFailure, `expected a RunFailure, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the run to fail');
}

describe('component files: running', function () {
  this.timeout(20_000);
  let server: HfTestServer;
  const host = (o: Partial<FakeHostOptions> = {}) => fakeHost({ baseUrl: server.url, token: TOKEN, ...o });
  const posts = () => server.requests.filter((r) => r.method === 'POST');

  before(async () => {
    server = await HfTestServer.start({ token: TOKEN });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  it('runs a two-document file where the second uses the first output, with indexing', async () => {
    const text = lines(
      'name: sentiment',
      'task: TASK_TEXT_CLASSIFICATION',
      'input:',
      '  model: distilbert/distilbert-base-uncased-finetuned-sst-2-english',
      '  inputs: ${selection}',
      '---',
      'task: TASK_SUMMARIZATION',
      'input:',
      '  model: facebook/bart-large-cnn',
      '  inputs: "The review was ${sentiment.output.results[0].label} with a score of ${sentiment.output.results[0].score}. ${file:notes.txt}"',
    );
    const file = parseFile(text, 'components');
    const h = host({ selection: 'I love this. Truly great!', files: { 'notes.txt': 'Notes follow.' } });
    const runs = await runUnits(file, [1], h);
    assert.deepEqual(runs.map((r) => [r.unit.index, r.task]), [[0, 'TASK_TEXT_CLASSIFICATION'], [1, 'TASK_SUMMARIZATION']], 'the first document runs first');
    const [first, second] = runs;
    const top = (first.output as { results: { label: string; score: number }[] }).results[0];
    assert.equal(top.label, 'POSITIVE');
    assert.equal(second.input.inputs, `The review was POSITIVE with a score of ${top.score}. Notes follow.`);
    assert.deepEqual(second.output, { summary_text: `The review was POSITIVE with a score of ${top.score}.` });
    const [req1, req2] = posts();
    assert.equal(req1.path, '/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english');
    assert.deepEqual(req1.json, { inputs: 'I love this. Truly great!' });
    assert.equal(req1.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(req2.path, '/models/facebook/bart-large-cnn');
    assert.deepEqual(req2.json, { inputs: second.input.inputs });
    assert.deepEqual(h.filesRead, ['notes.txt']);
  });

  it('a whole-value reference keeps its type (a list of labels feeds candidate_labels)', async () => {
    const text = lines(
      'name: first',
      'task: TASK_ZERO_SHOT_CLASSIFICATION',
      'input: {model: facebook/bart-large-mnli, inputs: I want a refund, parameters: {candidate_labels: [refund, faq]}}',
      '---',
      'task: TASK_ZERO_SHOT_CLASSIFICATION',
      'input:',
      '  model: facebook/bart-large-mnli',
      '  inputs: ${first.output.sequence}',
      '  parameters:',
      '    candidate_labels: ${first.output.labels}',
    );
    const runs = await runUnits(parseFile(text, 'components'), [0, 1], host());
    assert.equal(runs.length, 2, 'each unit runs once even when asked for and depended on');
    const labels = (runs[0].output as { labels: string[] }).labels;
    assert.deepEqual([...labels].sort(), ['faq', 'refund']);
    assert.deepEqual((posts()[1].json as { parameters: unknown }).parameters, { candidate_labels: labels });
    assert.equal((posts()[1].json as { inputs: unknown }).inputs, 'I want a refund');
  });

  it('images and audio come from files as base64 and travel as bytes', async () => {
    const png = makePng(4, 3);
    const wav = makeWav(0.25);
    const text = lines('task: TASK_IMAGE_CLASSIFICATION', 'input:', '  model: google/vit-base-patch16-224', '  image: ${file:media/cat.png}', '---', 'task: TASK_SPEECH_RECOGNITION', 'input:', '  model: openai/whisper-large-v3', '  audio: ${file:media/speech.wav}');
    const runs = await runUnits(parseFile(text, 'components'), [0, 1], host({ files: { 'media/cat.png': png, 'media/speech.wav': wav } }));
    assert.equal(runs[0].input.image, png.toString('base64'));
    assert.ok(Array.isArray((runs[0].output as { classes: unknown[] }).classes));
    assert.equal(typeof (runs[1].output as { text: string }).text, 'string');
    const [img, audio] = posts();
    assert.equal(img.headers['content-type'], 'image/png');
    assert.deepEqual(img.body, png);
    assert.equal(audio.headers['content-type'], 'audio/wav');
    assert.deepEqual(audio.body, wav);
  });

  it('${env:…} is read in trusted workspaces and refused in untrusted ones, on the reference', async () => {
    const text = lines('task: TASK_FILL_MASK', 'input:', '  model: google-bert/bert-base-uncased', '  inputs: ${env:PROMPT}');
    const file = parseFile(text, 'components');
    const runs = await runUnits(file, [0], host({ env: { PROMPT: 'Paris is the [MASK] of France.' } }));
    assert.equal(runs[0].input.inputs, 'Paris is the [MASK] of France.');
    server.reset();
    const e = await failure(runUnits(file, [0], host({ env: { PROMPT: 'x [MASK]' }, trusted: false })));
    assert.equal(e.message, '`${env:PROMPT}` is not read in an untrusted workspace.');
    assert.equal(rangeOf(text, e.span), '3:10-3:23');
    assert.equal(posts().length, 0, 'nothing was sent');
    const unset = await failure(runUnits(file, [0], host()));
    assert.equal(unset.message, 'The environment variable PROMPT is not set.');
  });

  it('failures point at their cause: a missing file, no selection, a missing output field, the executor\'s field', async () => {
    const text = lines(
      'name: a',
      'task: TASK_TEXT_CLASSIFICATION',
      'input: {model: distilbert/distilbert-base-uncased-finetuned-sst-2-english, inputs: "${file:missing.txt}"}',
      '---',
      'name: b',
      'task: TASK_TEXT_CLASSIFICATION',
      'input: {model: distilbert/distilbert-base-uncased-finetuned-sst-2-english, inputs: "${selection}"}',
      '---',
      'name: c',
      'task: TASK_SUMMARIZATION',
      'input:',
      '  model: facebook/bart-large-cnn',
      '  inputs: ${b.output.results[7].label}',
      '---',
      'task: TASK_SUMMARIZATION',
      'input:',
      '  model: facebook/bart-large-cnn',
      '  inputs: x',
      '  parameters:',
      '    max_length: -1',
    );
    const file = parseFile(text, 'components');
    const missing = await failure(runUnits(file, [0], host()));
    assert.equal(missing.message, 'Cannot read `missing.txt`: file not found');
    assert.equal(rangeOf(text, missing.span), '2:84-2:103');
    assert.equal(missing.unit?.index, 0);
    const noSelection = await failure(runUnits(file, [1], host()));
    assert.match(noSelection.message, /^`\$\{selection\}` needs selected text/);
    const noItem = await failure(runUnits(file, [2], host({ selection: 'great' })));
    assert.match(noItem.message, /^`b\.output\.results\[7\]\.label`: the output has no `results\[7\]` \(the list has \d items?\)\.$/);
    assert.equal(rangeOf(text, noItem.span), '12:10-12:38');
    const invalid = await failure(runUnits(file, [3], host()));
    assert.equal(invalid.code, 'INVALID_INPUT');
    assert.equal(invalid.message, 'Invalid input for TASK_SUMMARIZATION: parameters.max_length must be >= 0.');
    assert.equal(rangeOf(text, invalid.span), '19:16-19:18');
  });

  it('HTTP errors point at the document; a 401 says so', async () => {
    const text = lines('task: TASK_TRANSLATION', 'input:', '  model: google-t5/t5-small', '  inputs: Hello');
    const e = await failure(runUnits(parseFile(text, 'components'), [0], host({ token: 'hf_wrong' })));
    assert.equal(e.code, 'HTTP');
    assert.match(e.message, /401/);
    assert.equal(rangeOf(text, e.span), '0:0-0:0');
  });

  it('cancelling stops the run at once and says it was cancelled', async () => {
    server.script({ hang: true });
    const controller = new AbortController();
    const text = lines('task: TASK_TRANSLATION', 'input:', '  model: google-t5/t5-small', '  inputs: Hello');
    const running = runUnits(parseFile(text, 'components'), [0], host({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const e = await failure(running);
    assert.equal(e.code, 'CANCELLED');
    assert.equal(e.cancelled, true);
  });

  it('a file may override the endpoint: the token goes there only with consent, never from an untrusted workspace', async () => {
    const other = await HfTestServer.start({ token: TOKEN });
    try {
      const text = lines('task: TASK_TRANSLATION', 'input:', '  model: google-t5/t5-small', '  inputs: Hello', 'setup:', `  base_url: ${other.url}`);
      const file = parseFile(text, 'components');
      const refused = host({ allow: false });
      const e = await failure(runUnits(file, [0], refused));
      assert.equal(e.message, `Not run: sending your token to ${other.url} was not allowed.`);
      assert.equal(rangeOf(text, e.span), `5:12-5:${12 + other.url.length}`);
      assert.deepEqual(refused.consents, [other.url]);
      assert.equal(other.requests.length + posts().length, 0);

      await runUnits(file, [0], host({ allow: true }));
      assert.equal(other.requests.length, 1);
      assert.equal(other.requests[0].headers.authorization, `Bearer ${TOKEN}`);

      const untrusted = host({ trusted: false, allow: true });
      await runUnits(file, [0], untrusted);
      assert.deepEqual(untrusted.consents, [], 'not even asked');
      assert.equal(other.requests.length, 1, 'the other server saw nothing more');
      assert.equal(posts().length, 1, 'the configured server got the request instead');
    } finally {
      await other.close();
    }
  });

  it('the retired api-inference URL is replaced by the configured one; a written key refuses to run', async () => {
    const retired = lines('task: TASK_TRANSLATION', 'input: {model: google-t5/t5-small, inputs: Hello}', 'setup: {base_url: "https://api-inference.huggingface.co"}');
    const runs = await runUnits(parseFile(retired, 'components'), [0], host());
    assert.equal(typeof (runs[0].output as { translation_text: string }).translation_text, 'string');
    assert.equal(posts().length, 1);
    const keyed = lines('task: TASK_TRANSLATION', 'input: {model: google-t5/t5-small, inputs: Hello}', 'setup:', '  api_key: hf_in_the_file');
    const e = await failure(runUnits(parseFile(keyed, 'components'), [0], host()));
    assert.match(e.message, /^Remove the key from the file/);
    assert.equal(rangeOf(keyed, e.span), '3:11-3:25');
  });
});

describe('Instill recipes: running', function () {
  this.timeout(20_000);
  let server: HfTestServer;
  const posts = () => server.requests.filter((r) => r.method === 'POST');

  before(async () => {
    server = await HfTestServer.start({ token: TOKEN });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  const recipe = lines(
    'version: v1beta',
    'variable:',
    '  text: {title: Text, type: string}',
    '  labels: {title: Labels, type: "array:string"}',
    'component:',
    '  hf-classify:',
    '    type: hugging-face',
    '    task: TASK_ZERO_SHOT_CLASSIFICATION',
    '    input:',
    '      model: facebook/bart-large-mnli',
    '      inputs: ${hf-summarize.output.summary-text}',
    '      parameters:',
    '        candidate-labels: ${variable.labels}',
    '        multi-label: false',
    '    setup:',
    '      api-key: ${secret.hf-token}',
    '  hf-summarize:',
    '    type: hugging-face',
    '    task: TASK_SUMMARIZATION',
    '    input:',
    '      model: facebook/bart-large-cnn',
    '      inputs: ${variable.text}',
    '      parameters: {min-length: 1, max-length: 60}',
    '      options: {wait-for-model: true}',
    '    setup:',
    '      api-key: ${secret.hf-token}',
    '      base-url: https://api-inference.huggingface.co',
    '      is-custom-endpoint: false',
  );
  const text = 'The match ended 3-1 after extra time. The crowd cheered.';

  it('runs a component after the one it depends on, kebab-case mapped to snake_case, variables asked once', async () => {
    const file: ParsedFile = parseFile(recipe, 'recipe');
    const h = fakeHost({ baseUrl: server.url, token: TOKEN, answers: { text, labels: 'sport, politics' } });
    const runs = await runUnits(file, [0], h);
    assert.deepEqual(runs.map((r) => r.unit.id), ['hf-summarize', 'hf-classify']);
    assert.deepEqual(h.asked, ['text', 'labels']);
    const [summarize, classify] = posts();
    assert.equal(summarize.path, '/models/facebook/bart-large-cnn');
    assert.deepEqual(summarize.json, { inputs: text, parameters: { min_length: 1, max_length: 60 }, options: { wait_for_model: true } });
    assert.equal(summarize.headers.authorization, `Bearer ${TOKEN}`, '${secret.hf-token} is the stored token');
    const summary = (runs[0].output as { summary_text: string }).summary_text;
    assert.equal(summary, 'The match ended 3-1 after extra time.');
    assert.equal(classify.path, '/models/facebook/bart-large-mnli');
    assert.deepEqual(classify.json, { inputs: summary, parameters: { candidate_labels: ['sport', 'politics'], multi_label: false } }, 'the second got the first one\'s output');
    assert.deepEqual([...(runs[1].output as { labels: string[] }).labels].sort(), ['politics', 'sport']);
  });

  it('a dismissed variable prompt cancels the run before anything is sent', async () => {
    const e = await failure(runUnits(parseFile(recipe, 'recipe'), [1], fakeHost({ baseUrl: server.url, token: TOKEN })));
    assert.equal(e.cancelled, true);
    assert.equal(e.message, 'No value was given for `text`.');
    assert.equal(posts().length, 0);
  });

  it('a cycle is reported with the whole loop and nothing runs', async () => {
    const cyclic = lines(
      'version: v1beta',
      'component:',
      '  a:',
      '    type: hugging-face',
      '    task: TASK_SUMMARIZATION',
      '    input: {model: facebook/bart-large-cnn, inputs: "${b.output.translation-text}"}',
      '  b:',
      '    type: hugging-face',
      '    task: TASK_TRANSLATION',
      '    input: {model: google-t5/t5-small, inputs: "${a.output.summary-text}"}',
    );
    const e = await failure(runUnits(parseFile(cyclic, 'recipe'), [1], fakeHost({ baseUrl: server.url, token: TOKEN })));
    assert.equal(e.message, "These components wait for each other's output: b → a → b.");
    assert.equal(rangeOf(cyclic, e.span), '5:53-5:81');
    assert.equal(posts().length, 0);
  });
});
