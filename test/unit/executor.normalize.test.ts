// Every real response shape mapped onto the spec's outputs; anything else is INVALID_RESPONSE.
import * as assert from 'node:assert/strict';
import { normalize } from '../../src/executor/normalize';
import { eventText } from '../../src/executor/stream';
import { findTask } from '../../src/executor/tasks';
import type { TaskInput } from '../../src/executor/types';
import { assertValidOutput } from '../../src/executor/validate';

function out(taskId: string, raw: unknown, input: Partial<TaskInput> = {}): unknown {
  const task = findTask(taskId)!;
  const o = normalize(task, raw, { model: 'm', inputs: 'x', ...input });
  assertValidOutput(task.id, o);
  return o;
}
const bad = (taskId: string, raw: unknown, input: Partial<TaskInput> = {}, pattern = /unexpected result/) =>
  assert.throws(() => out(taskId, raw, input), (e: { code?: string; message?: string }) => e.code === 'INVALID_RESPONSE' && pattern.test(e.message ?? ''));

describe('executor response normalization', () => {
  it('text classification: nested and flat lists, best first', () => {
    const nested = [[{ label: 'NEGATIVE', score: 0.1 }, { label: 'POSITIVE', score: 0.9 }]];
    assert.deepEqual(out('TASK_TEXT_CLASSIFICATION', nested), { results: [{ label: 'POSITIVE', score: 0.9 }, { label: 'NEGATIVE', score: 0.1 }] });
    assert.deepEqual(out('TASK_TEXT_CLASSIFICATION', nested[0]), out('TASK_TEXT_CLASSIFICATION', nested));
    bad('TASK_TEXT_CLASSIFICATION', []);
    bad('TASK_TEXT_CLASSIFICATION', [{ label: 1, score: 'x' }]);
    bad('TASK_TEXT_CLASSIFICATION', { label: 'a', score: 1 });
  });

  it('fill mask: keeps score, sequence, token, token_str; flattens several masks', () => {
    const item = { score: 0.29, token: 1996, token_str: 'the', sequence: 'the world!' };
    assert.deepEqual(out('TASK_FILL_MASK', [item, { ...item, token_str: 'a', score: 0.1 }]), { results: [item, { ...item, token_str: 'a', score: 0.1 }] });
    assert.deepEqual((out('TASK_FILL_MASK', [[item], [item]]) as { results: unknown[] }).results.length, 2);
    bad('TASK_FILL_MASK', []);
  });

  it('summarization, translation, image-to-text: list-wrapped and bare objects', () => {
    assert.deepEqual(out('TASK_SUMMARIZATION', [{ summary_text: 'Short.' }]), { summary_text: 'Short.' });
    assert.deepEqual(out('TASK_SUMMARIZATION', { summary_text: 'Short.' }), { summary_text: 'Short.' });
    assert.deepEqual(out('TASK_TRANSLATION', [{ translation_text: 'Bonjour' }]), { translation_text: 'Bonjour' });
    assert.deepEqual(out('TASK_IMAGE_TO_TEXT', [{ generated_text: 'a giraffe' }]), { text: 'a giraffe' });
    assert.deepEqual(out('TASK_IMAGE_TO_TEXT', { generated_text: 'a giraffe' }), { text: 'a giraffe' });
    bad('TASK_SUMMARIZATION', [], {}, /empty list/);
    bad('TASK_SUMMARIZATION', [{ translation_text: 'x' }], {}, /"summary_text" is missing/);
    bad('TASK_SUMMARIZATION', 'plain string');
  });

  it('token classification: entity_group items, and entity/index items of strategy none', () => {
    const grouped = [{ entity_group: 'PER', score: 0.99, word: 'Sarah Jessica Parker', start: 11, end: 31 }];
    assert.deepEqual(out('TASK_TOKEN_CLASSIFICATION', grouped), { results: grouped });
    assert.deepEqual(out('TASK_TOKEN_CLASSIFICATION', [{ entity: 'B-PER', score: 0.9, index: 4, word: 'Sarah', start: 11, end: 16 }]), {
      results: [{ entity_group: 'B-PER', score: 0.9, index: 4, word: 'Sarah', start: 11, end: 16 }],
    });
    assert.deepEqual(out('TASK_TOKEN_CLASSIFICATION', [{ entity_group: 'PER', score: 0.9, word: 'X', start: null, end: null }]), { results: [{ entity_group: 'PER', score: 0.9, word: 'X' }] });
    assert.deepEqual(out('TASK_TOKEN_CLASSIFICATION', []), { results: [] }, 'no entities is a valid result');
  });

  it('zero-shot: the legacy object, a list of it, and the newest [{label, score}]', () => {
    const legacy = { sequence: 'refund please', labels: ['refund', 'faq'], scores: [0.9, 0.1] };
    assert.deepEqual(out('TASK_ZERO_SHOT_CLASSIFICATION', legacy), legacy);
    assert.deepEqual(out('TASK_ZERO_SHOT_CLASSIFICATION', [legacy]), legacy);
    assert.deepEqual(out('TASK_ZERO_SHOT_CLASSIFICATION', [{ label: 'faq', score: 0.1 }, { label: 'refund', score: 0.9 }], { inputs: 'refund please' }), legacy);
    bad('TASK_ZERO_SHOT_CLASSIFICATION', { labels: ['a', 'b'], scores: [1] }, {}, /2 labels but 1 scores/);
  });

  it('question answering: end becomes stop; list-wrapped too', () => {
    const raw = { score: 0.97, start: 25, end: 30, answer: 'Paris' };
    assert.deepEqual(out('TASK_QUESTION_ANSWERING', raw), { answer: 'Paris', score: 0.97, start: 25, stop: 30 });
    assert.deepEqual(out('TASK_QUESTION_ANSWERING', [raw]), { answer: 'Paris', score: 0.97, start: 25, stop: 30 });
  });

  it('table QA: keeps answer, aggregator, cells and coordinates', () => {
    const raw = { answer: 'AVERAGE > 36542', coordinates: [[0, 1]], cells: ['36542'], aggregator: 'AVERAGE' };
    assert.deepEqual(out('TASK_TABLE_QUESTION_ANSWERING', raw), raw);
    assert.deepEqual((out('TASK_TABLE_QUESTION_ANSWERING', { ...raw, cells: [36542] }) as { cells: string[] }).cells, ['36542']);
  });

  it('sentence similarity: one score per sentence', () => {
    assert.deepEqual(out('TASK_SENTENCE_SIMILARITY', [0.66, 0.93], { inputs: { source_sentence: 's', sentences: ['a', 'b'] } }), { scores: [0.66, 0.93] });
    bad('TASK_SENTENCE_SIMILARITY', [0.66], { inputs: { source_sentence: 's', sentences: ['a', 'b'] } }, /1 scores for 2 sentences/);
  });

  it('conversational: a chat completion, with both history lists extended by this turn', () => {
    const completion = { object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'Two.' }, finish_reason: 'stop' }] };
    assert.deepEqual(out('TASK_CONVERSATIONAL', completion, { inputs: { text: '1+1?', past_user_inputs: ['Hi'], generated_responses: ['Hello'] } }), {
      generated_text: 'Two.',
      conversation: { past_user_inputs: ['Hi', '1+1?'], generated_responses: ['Hello', 'Two.'] },
    });
    bad('TASK_CONVERSATIONAL', { choices: [] }, { inputs: { text: 'x' } });
  });

  it('text generation: pipeline list, TGI object, completions and chat completions', () => {
    assert.deepEqual(out('TASK_TEXT_GENERATION', [{ generated_text: 'three' }]), { generated_text: 'three' });
    assert.deepEqual(out('TASK_TEXT_GENERATION', { generated_text: 'three' }), { generated_text: 'three' });
    assert.deepEqual(out('TASK_TEXT_GENERATION', { choices: [{ text: 'three' }] }), { generated_text: 'three' });
    assert.deepEqual(out('TASK_TEXT_GENERATION', { choices: [{ message: { content: 'three' } }] }), { generated_text: 'three' });
  });

  it('image and audio classification: classes best first', () => {
    const raw = [{ score: 0.1, label: 'sad' }, { score: 0.59, label: 'neu' }];
    assert.deepEqual(out('TASK_AUDIO_CLASSIFICATION', raw), { classes: [{ label: 'neu', score: 0.59 }, { label: 'sad', score: 0.1 }] });
    assert.deepEqual(out('TASK_IMAGE_CLASSIFICATION', raw), { classes: [{ label: 'neu', score: 0.59 }, { label: 'sad', score: 0.1 }] });
    bad('TASK_IMAGE_CLASSIFICATION', []);
  });

  it('segmentation: masks become PNG data URIs; a null score is left out', () => {
    assert.deepEqual(out('TASK_IMAGE_SEGMENTATION', [{ score: 0.98, label: 'cat', mask: 'iVBORw0KGgo=' }, { score: null, label: 'wall', mask: 'data:image/png;base64,iVBO' }]), {
      segments: [{ label: 'cat', mask: 'data:image/png;base64,iVBORw0KGgo=', score: 0.98 }, { label: 'wall', mask: 'data:image/png;base64,iVBO' }],
    });
    assert.deepEqual(out('TASK_IMAGE_SEGMENTATION', []), { segments: [] });
    bad('TASK_IMAGE_SEGMENTATION', [{ label: 'x', mask: 5 }]);
  });

  it('object detection: label, score and box; extra fields dropped', () => {
    const o = { score: 0.99, label: 'cat', box: { xmin: 1, ymin: 2, xmax: 3, ymax: 4 } };
    assert.deepEqual(out('TASK_OBJECT_DETECTION', [{ ...o, extra: 1 }]), { objects: [o] });
    assert.deepEqual(out('TASK_OBJECT_DETECTION', []), { objects: [] });
    bad('TASK_OBJECT_DETECTION', [{ score: 0.9, label: 'cat', box: { xmin: 1 } }]);
  });

  it('speech recognition: text, with timestamped chunks when given', () => {
    assert.deepEqual(out('TASK_SPEECH_RECOGNITION', { text: 'HELLO' }), { text: 'HELLO' });
    const chunks = [{ timestamp: [0, 9.9], text: 'HELLO' }, { timestamp: [9.9, null], text: ' THERE' }];
    assert.deepEqual(out('TASK_SPEECH_RECOGNITION', { text: 'HELLO THERE', chunks }), { text: 'HELLO THERE', chunks });
    bad('TASK_SPEECH_RECOGNITION', { txt: 'x' });
  });
});

describe('executor stream events', () => {
  const tg = findTask('TASK_TEXT_GENERATION')!;
  const ev = (data: string, event?: string) => eventText(tg, { data, event, id: undefined } as never);

  it('reads TGI tokens and skips special tokens', () => {
    assert.equal(ev('{"index":1,"token":{"id":80,"text":" one","logprob":-0.75,"special":false},"generated_text":null,"details":null}'), ' one');
    assert.equal(ev('{"index":2,"token":{"id":2,"text":"</s>","special":true},"generated_text":"x one"}'), undefined);
  });

  it('reads chat chunks; a role-only first chunk is no text; [DONE] ends', () => {
    assert.equal(ev('{"choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":null}]}'), undefined);
    assert.equal(ev('{"choices":[{"index":0,"delta":{"role":"assistant","content":" The"},"finish_reason":null}]}'), ' The');
    assert.equal(typeof ev('[DONE]'), 'symbol');
  });

  it('turns error events into ComponentErrors carrying the message', () => {
    assert.throws(() => ev('{"error":"Input validation error: too long","error_type":"validation"}'), { code: 'HTTP', message: /Input validation error: too long/ });
    assert.throws(() => ev('{"error":{"message":"overloaded","http_status_code":503}}'), { code: 'HTTP', status: 503, message: /overloaded/ });
    assert.throws(() => ev('{not json'), { code: 'INVALID_RESPONSE' });
  });
});
