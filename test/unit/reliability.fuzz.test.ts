// Property-based fuzzing of the executor: generated inputs end in a result or
// INVALID_INPUT, generated server answers in a valid output or INVALID_RESPONSE —
// never another exception, never a crash. Everything goes over real loopback HTTP.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { ComponentError, execute, TASKS, validateInput } from '../../src/executor';
import { assertValidOutput } from '../../src/executor/validate';
import type { TaskId } from '../../src/executor/types';
import { sampleInput } from '../support/taskInputs';

/** Per task: a body the real API sends (so valid inputs get a valid answer). */
const GOOD: Record<TaskId, unknown> = {
  TASK_TEXT_GENERATION: [{ generated_text: 'more' }],
  TASK_FILL_MASK: [{ score: 0.5, token: 1, token_str: 'a', sequence: 'a b' }],
  TASK_SUMMARIZATION: [{ summary_text: 's' }],
  TASK_TEXT_CLASSIFICATION: [[{ label: 'A', score: 0.9 }]],
  TASK_TOKEN_CLASSIFICATION: [{ entity_group: 'PER', score: 0.9, word: 'X', start: 0, end: 1 }],
  TASK_TRANSLATION: [{ translation_text: 't' }],
  TASK_ZERO_SHOT_CLASSIFICATION: { sequence: 's', labels: ['a'], scores: [1] },
  TASK_QUESTION_ANSWERING: { answer: 'a', score: 0.5, start: 0, end: 1 },
  TASK_TABLE_QUESTION_ANSWERING: { answer: 'a', coordinates: [[0, 0]], cells: ['a'], aggregator: 'NONE' },
  TASK_SENTENCE_SIMILARITY: [0.5],
  TASK_CONVERSATIONAL: { choices: [{ message: { role: 'assistant', content: 'hi' } }] },
  TASK_IMAGE_CLASSIFICATION: [{ label: 'cat', score: 0.9 }],
  TASK_IMAGE_SEGMENTATION: [{ label: 'cat', score: 0.9, mask: 'iVBORw0KGgo=' }],
  TASK_OBJECT_DETECTION: [{ label: 'cat', score: 0.9, box: { xmin: 0, ymin: 0, xmax: 1, ymax: 1 } }],
  TASK_IMAGE_TO_TEXT: [{ generated_text: 'a cat' }],
  TASK_SPEECH_RECOGNITION: { text: 'hello' },
  TASK_AUDIO_CLASSIFICATION: [{ label: 'neu', score: 0.9 }],
};

/** A loopback server that answers each request with the next queued body (or the task's good answer). */
async function cannedServer(): Promise<{ url: string; next: (body: string | Buffer | undefined) => void; requests: () => number; close: () => Promise<void> }> {
  let body: string | Buffer | undefined;
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    req.resume();
    req.on('end', () => {
      const task = (req.url ?? '').split('/task/')[1]?.split('/')[0] as TaskId | undefined;
      const answer = body ?? JSON.stringify(task ? GOOD[task] : null);
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, next: (b) => { body = b; }, requests: () => count, close };
}

// Inputs close to valid ones (right field names, wrong or odd values) find more than pure noise.
const fieldValue = fc.oneof(
  fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(''),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('question', 'context', 'query', 'table', 'text', 'source_sentence', 'sentences', 'past_user_inputs', 'generated_responses', 'x'), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }), { maxKeys: 3 })), { maxKeys: 4 }),
  fc.base64String({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 24 }),
);
const validArb = fc.tuple(fc.constantFrom(...TASKS), fc.string({ minLength: 1, maxLength: 30 }), fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined })).map(([task, text, topK]) => {
  const input = validInput(task) as Record<string, unknown>;
  if (typeof input.inputs === 'string') input.inputs = text;
  if (topK !== undefined && input.inputs !== undefined) input.parameters = { ...(input.parameters as object), top_k: topK };
  return { task: task as string, input };
});
const inputArb = fc.oneof(validArb, fc.record({
  task: fc.constantFrom(...TASKS, 'TASK_UNKNOWN', ''),
  input: fc.oneof(
    fc.dictionary(fc.constantFrom('model', 'inputs', 'input', 'parameters', 'options', 'image', 'audio', 'task', 'extra'), fieldValue, { maxKeys: 5 }),
    fc.record({
      model: fc.oneof(fc.constantFrom('org/model', 'gpt2', '../x', 'a b', ''), fc.string({ maxLength: 12 })),
      inputs: fieldValue,
      parameters: fc.option(fc.dictionary(fc.constantFrom('top_k', 'max_length', 'temperature', 'candidate_labels', 'aggregation_strategy', 'top_p', 'new_one'), fieldValue, { maxKeys: 3 }), { nil: undefined }),
      options: fc.option(fc.dictionary(fc.constantFrom('wait_for_model', 'use_cache', 'other'), fieldValue, { maxKeys: 2 }), { nil: undefined }),
    }, { requiredKeys: ['model'] }),
    fc.anything({ maxDepth: 2 }),
  ),
}));

describe('reliability: fuzzing the executor', function () {
  this.timeout(120_000);
  let server: Awaited<ReturnType<typeof cannedServer>>;
  before(async () => {
    server = await cannedServer();
  });
  after(() => server.close());

  it('10,000 generated inputs: a result or INVALID_INPUT, and no request for invalid ones', async () => {
    let results = 0;
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(inputArb, async ({ task, input }) => {
        server.next(undefined);
        const before = server.requests();
        const problems = validateInput(task, input);
        try {
          const out = await execute({ task, setup: { base_url: `${server.url}/task/${task}`, is_custom_endpoint: true }, input: input as never }, { maxWaitMs: 0, timeoutMs: 5000 });
          assertValidOutput(task as TaskId, out);
          assert.deepEqual(problems, [], 'execute accepted what validateInput refuses');
          results++;
        } catch (e) {
          if (!(e instanceof ComponentError) || e.code !== 'INVALID_INPUT') throw e;
          invalid++;
          assert.equal(server.requests(), before, 'an invalid input sent a request');
          assert.ok(e.message.length > 0);
        }
      }),
      { numRuns: 10_000, seed: 20261128 },
    );
    assert.ok(results > 2000 && invalid > 3000, `results ${results}, invalid ${invalid}`);
  });

  it('10,000 generated server answers: a valid output or INVALID_RESPONSE', async () => {
    const near = (task: TaskId) => fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      // The real answer with parts swapped for noise.
      fc.jsonValue({ maxDepth: 2 }).map((noise) => JSON.stringify(mutate(GOOD[task], noise))),
      fc.constantFrom('', '<html>502</html>', '[{"label":', 'null', '{}', '[]', '[[]]', '"text"', 'NaN'),
      fc.uint8Array({ maxLength: 32 }).map((b) => Buffer.from(b)),
    );
    const arb = fc.constantFrom(...TASKS).chain((task) => fc.tuple(fc.constant(task), near(task)));
    let valid = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(arb, async ([task, body]) => {
        server.next(body);
        const input = validInput(task);
        try {
          const out = await execute({ task, setup: { base_url: `${server.url}/task/${task}`, is_custom_endpoint: true }, input }, { maxWaitMs: 0, timeoutMs: 5000 });
          assertValidOutput(task, out);
          valid++;
        } catch (e) {
          if (!(e instanceof ComponentError) || e.code !== 'INVALID_RESPONSE') throw e;
          rejected++;
        }
      }),
      { numRuns: 10_000, seed: 7 },
    );
    assert.ok(valid > 100 && rejected > 5000, `valid ${valid}, rejected ${rejected}`);
  });
});

/** Replaces one part of a real answer with noise, keeping the rest. */
function mutate(good: unknown, noise: unknown): unknown {
  if (Array.isArray(good)) return good.length ? [mutate(good[0], noise), ...good.slice(1)] : [noise];
  if (good && typeof good === 'object') {
    const keys = Object.keys(good);
    const key = keys[Math.abs(JSON.stringify(noise ?? 0).length) % keys.length];
    return { ...good, [key]: noise };
  }
  return noise;
}

const validInput = (task: TaskId): never => sampleInput(task) as never;
