// The schemas are the spec's tables, field for field; validation names the field at fault.
import * as assert from 'node:assert/strict';
import { ComponentError, getTaskSchemas, TASKS, validateInput } from '../../src/executor';

type S = { properties: Record<string, S>; required?: string[]; additionalProperties?: unknown; items?: S };

// From the spec: each task's input and output field ids, required ones marked with *.
const SPEC: Record<string, { input: string[]; output: string[] }> = {
  TASK_TEXT_GENERATION: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['generated_text*'] },
  TASK_FILL_MASK: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['results*'] },
  TASK_SUMMARIZATION: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['summary_text*'] },
  TASK_TEXT_CLASSIFICATION: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['results*'] },
  TASK_TOKEN_CLASSIFICATION: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['results*'] },
  TASK_TRANSLATION: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['translation_text*'] },
  TASK_ZERO_SHOT_CLASSIFICATION: { input: ['task*', 'model*', 'inputs*', 'parameters*', 'options'], output: ['scores*', 'labels*', 'sequence'] },
  TASK_QUESTION_ANSWERING: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['answer*', 'stop', 'score', 'start'] },
  TASK_TABLE_QUESTION_ANSWERING: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['aggregator', 'answer*', 'cells', 'coordinates'] },
  TASK_SENTENCE_SIMILARITY: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['scores*'] },
  TASK_CONVERSATIONAL: { input: ['task*', 'model*', 'inputs*', 'parameters', 'options'], output: ['conversation', 'generated_text*'] },
  TASK_IMAGE_CLASSIFICATION: { input: ['task*', 'model*', 'image*', 'options'], output: ['classes*'] },
  TASK_IMAGE_SEGMENTATION: { input: ['task*', 'model*', 'image*', 'options'], output: ['segments*'] },
  TASK_OBJECT_DETECTION: { input: ['task*', 'model*', 'image*', 'options'], output: ['objects*'] },
  TASK_IMAGE_TO_TEXT: { input: ['task*', 'model*', 'image*', 'options'], output: ['text*'] },
  TASK_SPEECH_RECOGNITION: { input: ['task*', 'model*', 'audio*', 'options'], output: ['text*', 'chunks'] },
  TASK_AUDIO_CLASSIFICATION: { input: ['task*', 'model*', 'audio*', 'options'], output: ['classes*'] },
};

function fields(schema: S): string[] {
  const required = new Set(schema.required ?? []);
  return Object.keys(schema.properties).map((k) => (required.has(k) ? `${k}*` : k)).sort();
}

describe('executor schemas', () => {
  it('lists the 17 spec tasks in the spec order', () => {
    assert.deepEqual([...TASKS], Object.keys(SPEC));
  });

  for (const task of Object.keys(SPEC)) {
    it(`${task}: input and output fields match the spec`, () => {
      const { input, output } = getTaskSchemas(task) as unknown as { input: S; output: S };
      assert.deepEqual(fields(input), [...SPEC[task].input].sort());
      assert.deepEqual(fields(output), [...SPEC[task].output].sort());
      assert.equal(input.additionalProperties, false, 'unknown top-level fields are rejected');
    });
  }

  it('declares the reference component parameters with their types', () => {
    const p = (task: string) => (getTaskSchemas(task).input as unknown as S).properties.parameters.properties;
    assert.deepEqual(Object.keys(p('TASK_TEXT_GENERATION')).filter((k) => !['seed', 'stop'].includes(k)).sort(),
      ['do_sample', 'max_new_tokens', 'max_time', 'num_return_sequences', 'repetition_penalty', 'return_full_text', 'temperature', 'top_k', 'top_p']);
    assert.deepEqual(Object.keys(p('TASK_SUMMARIZATION')).sort(), ['max_length', 'max_time', 'min_length', 'repetition_penalty', 'temperature', 'top_k', 'top_p']);
    assert.deepEqual((p('TASK_TOKEN_CLASSIFICATION').aggregation_strategy as unknown as { enum: string[] }).enum, ['none', 'simple', 'first', 'average', 'max']);
    assert.deepEqual(Object.keys(p('TASK_ZERO_SHOT_CLASSIFICATION')).slice(0, 2), ['candidate_labels', 'multi_label']);
    for (const k of ['max_length', 'max_time', 'min_length', 'repetition_penalty', 'temperature', 'top_k', 'top_p']) assert.ok(k in p('TASK_CONVERSATIONAL'), k);
  });

  it('returns copies: changing one does not change the next', () => {
    const a = getTaskSchemas('TASK_SUMMARIZATION').input as unknown as S;
    delete a.properties.inputs;
    assert.ok((getTaskSchemas('TASK_SUMMARIZATION').input as unknown as S).properties.inputs);
  });

  it('throws INVALID_INPUT for an unknown task', () => {
    assert.throws(() => getTaskSchemas('TASK_NOPE'), (e: unknown) => e instanceof ComponentError && e.code === 'INVALID_INPUT' && /TASK_NOPE/.test(e.message));
  });
});

describe('executor input validation', () => {
  const ok = { model: 'facebook/bart-large-cnn', inputs: 'Some text.' };

  it('accepts a valid input with extra, undeclared parameters (forwarded as is)', () => {
    assert.deepEqual(validateInput('TASK_SUMMARIZATION', { ...ok, parameters: { max_length: 30, some_new_param: 'x' } }), []);
    assert.deepEqual(validateInput('TASK_TRANSLATION', { ...ok, parameters: { src_lang: 'en', tgt_lang: 'fr' } }), []);
  });

  it('names a typo in a top-level field and suggests the right one', () => {
    const [p] = validateInput('TASK_SUMMARIZATION', { model: 'm/x', input: 'text' });
    assert.equal(p.field, '/input');
    assert.match(p.message, /unknown field "input" \(did you mean "inputs"\?\)/);
  });

  it('names the missing field, the wrong type and the bound', () => {
    assert.deepEqual(validateInput('TASK_SUMMARIZATION', { model: 'm/x' }), [{ field: '/inputs', message: 'inputs is required' }]);
    assert.deepEqual(validateInput('TASK_SUMMARIZATION', { ...ok, inputs: 3 }), [{ field: '/inputs', message: 'inputs must be a string' }]);
    assert.deepEqual(validateInput('TASK_SUMMARIZATION', { ...ok, parameters: { top_p: 2 } }), [{ field: '/parameters/top_p', message: 'parameters.top_p must be <= 1' }]);
    assert.deepEqual(validateInput('TASK_TEXT_GENERATION', { ...ok, parameters: { max_new_tokens: 1.5 } }), [{ field: '/parameters/max_new_tokens', message: 'parameters.max_new_tokens must be an integer' }]);
    assert.deepEqual(validateInput('TASK_TOKEN_CLASSIFICATION', { ...ok, parameters: { aggregation_strategy: 'best' } }), [{ field: '/parameters/aggregation_strategy', message: 'parameters.aggregation_strategy must be one of: none, simple, first, average, max' }]);
  });

  it('requires candidate labels for zero-shot and question+context for QA', () => {
    assert.equal(validateInput('TASK_ZERO_SHOT_CLASSIFICATION', ok)[0].message, 'parameters is required');
    assert.equal(validateInput('TASK_ZERO_SHOT_CLASSIFICATION', { ...ok, parameters: { candidate_labels: [] } })[0].message, 'parameters.candidate_labels must not be an empty list');
    assert.deepEqual(validateInput('TASK_QUESTION_ANSWERING', { model: 'm/x', inputs: { question: 'Who?' } }), [{ field: '/inputs/context', message: 'inputs.context is required' }]);
  });

  it('rejects options it does not know, and a task field for another task', () => {
    assert.match(validateInput('TASK_SUMMARIZATION', { ...ok, options: { wait_for_modle: true } })[0].message, /did you mean "wait_for_model"/);
    assert.equal(validateInput('TASK_SUMMARIZATION', { ...ok, task: 'TASK_TRANSLATION' })[0].message, 'task must be TASK_SUMMARIZATION here');
  });

  it('rejects model ids that could leave the /models/ path', () => {
    for (const model of ['../admin', 'a/../../b', 'a b', 'a?x=1', 'a#f', '']) {
      assert.ok(validateInput('TASK_SUMMARIZATION', { ...ok, model }).length > 0, model);
    }
    for (const model of ['gpt2', 'facebook/bart-large-cnn', 'meta-llama/Llama-3.1-8B-Instruct:fastest', 'org/name.v2']) {
      assert.deepEqual(validateInput('TASK_SUMMARIZATION', { ...ok, model }), [], model);
    }
  });

  it('treats media bytes as present and checks the rest of the input', () => {
    assert.deepEqual(validateInput('TASK_IMAGE_CLASSIFICATION', { model: 'm/x', image: new Uint8Array([1]) }), []);
    assert.equal(validateInput('TASK_IMAGE_CLASSIFICATION', { model: 'm/x' })[0].message, 'image is required');
    assert.equal(validateInput('TASK_SPEECH_RECOGNITION', { model: 'm/x', audio: 'AAAA', inputs: 'x' })[0].message, 'unknown field "inputs"');
  });

  it('reports an unknown task as a problem', () => {
    assert.match(validateInput('TASK_FOO', ok)[0].message, /Unknown task "TASK_FOO"/);
  });
});
