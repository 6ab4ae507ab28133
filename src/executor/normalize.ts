// Every response shape Hugging Face servers really send (nested or flat lists,
// list-wrapped or bare objects, legacy and new zero-shot, chat completions…)
// mapped onto the spec's output fields. Only known fields are kept; the result
// is then checked against the output schema by the caller.
import { ComponentError } from './errors';
import type { TaskInfo } from './tasks';
import type { JsonObject, TaskInput, TaskOutput } from './types';

type Obj = Record<string, unknown>;

function unexpected(task: TaskInfo, what: string): ComponentError {
  return new ComponentError('INVALID_RESPONSE', `Hugging Face answered ${task.id} with an unexpected result: ${what}.`);
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length ? 'a list' : 'an empty list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** A single result that some servers wrap in a one-item list. */
function one(task: TaskInfo, raw: unknown): Obj {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (Array.isArray(raw) && raw.length === 0) throw unexpected(task, 'an empty list where one result was expected');
  if (!isObj(v)) throw unexpected(task, `expected an object, got ${describeValue(v)}`);
  return v;
}

function list(task: TaskInfo, raw: unknown, what: string): unknown[] {
  if (!Array.isArray(raw)) throw unexpected(task, `expected a list of ${what}, got ${describeValue(raw)}`);
  return raw;
}

/** `[[{label,score}]]` (text classification of one input) or `[{label,score}]`, best first. */
function labelScores(task: TaskInfo, raw: unknown): { label: unknown; score: unknown }[] {
  let items = list(task, raw, '{label, score}');
  if (items.length === 1 && Array.isArray(items[0])) items = items[0];
  return items
    .map((item) => {
      if (!isObj(item)) throw unexpected(task, `expected {label, score} items, got ${describeValue(item)}`);
      return { label: item.label, score: item.score };
    })
    .sort((a, b) => (typeof a.score === 'number' && typeof b.score === 'number' ? b.score - a.score : 0));
}

function str(task: TaskInfo, o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw unexpected(task, v === undefined ? `"${key}" is missing` : `"${key}" is ${describeValue(v)}, not a string`);
  return v;
}

function optional<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined || o[k] === null) delete o[k];
  return o;
}

/** The assistant's text of an OpenAI-style chat completion (or a text completion). */
function completionText(task: TaskInfo, raw: unknown): string {
  const o = one(task, raw);
  if (Array.isArray(o.choices)) {
    const choice = o.choices[0];
    if (!isObj(choice)) throw unexpected(task, 'a chat completion without choices');
    if (isObj(choice.message) && typeof choice.message.content === 'string') return choice.message.content;
    if (isObj(choice.message) && (choice.message.content === null || choice.message.content === undefined)) return '';
    if (typeof choice.text === 'string') return choice.text;
    throw unexpected(task, 'a chat completion whose first choice has no message content');
  }
  if (typeof o.generated_text === 'string') return o.generated_text;
  throw unexpected(task, 'neither a chat completion nor {generated_text}');
}

export function normalize(task: TaskInfo, raw: unknown, input: TaskInput): TaskOutput {
  switch (task.id) {
    case 'TASK_TEXT_GENERATION':
      return { generated_text: completionText(task, raw) };
    case 'TASK_CONVERSATIONAL': {
      const reply = completionText(task, raw);
      const inputs = input.inputs as { text: string; past_user_inputs?: string[]; generated_responses?: string[] };
      return {
        generated_text: reply,
        conversation: {
          past_user_inputs: [...(inputs.past_user_inputs ?? []), inputs.text],
          generated_responses: [...(inputs.generated_responses ?? []), reply],
        },
      };
    }
    case 'TASK_FILL_MASK': {
      let items = list(task, raw, '{score, sequence, token, token_str}');
      // Several masks: one list per mask.
      if (items.every(Array.isArray)) items = (items as unknown[][]).flat();
      if (items.length === 0) throw unexpected(task, 'no predictions');
      return {
        results: items.map((item) => {
          if (!isObj(item)) throw unexpected(task, `expected prediction objects, got ${describeValue(item)}`);
          return optional({ score: item.score, sequence: item.sequence, token: item.token, token_str: item.token_str }) as never;
        }),
      };
    }
    case 'TASK_SUMMARIZATION':
      return { summary_text: str(task, one(task, raw), 'summary_text') };
    case 'TASK_TRANSLATION':
      return { translation_text: str(task, one(task, raw), 'translation_text') };
    case 'TASK_TEXT_CLASSIFICATION': {
      const results = labelScores(task, raw);
      if (!results.length) throw unexpected(task, 'no labels');
      return { results: results as never };
    }
    case 'TASK_TOKEN_CLASSIFICATION':
      return {
        results: list(task, raw, 'entities').map((item) => {
          if (!isObj(item)) throw unexpected(task, `expected entity objects, got ${describeValue(item)}`);
          // With aggregation_strategy "none", items carry `entity` and `index` instead of `entity_group`.
          return optional({ entity_group: item.entity_group ?? item.entity, score: item.score, word: item.word, start: item.start, end: item.end, index: item.index }) as never;
        }),
      };
    case 'TASK_ZERO_SHOT_CLASSIFICATION':
      return zeroShot(task, raw, input);
    case 'TASK_QUESTION_ANSWERING': {
      const o = one(task, raw);
      return optional({ answer: str(task, o, 'answer'), score: o.score, start: o.start, stop: o.end ?? o.stop }) as never;
    }
    case 'TASK_TABLE_QUESTION_ANSWERING': {
      const o = one(task, raw);
      return optional({
        answer: str(task, o, 'answer'),
        aggregator: o.aggregator,
        cells: Array.isArray(o.cells) ? o.cells.map((c) => (typeof c === 'number' || typeof c === 'boolean' ? String(c) : c)) : o.cells,
        coordinates: o.coordinates,
      }) as never;
    }
    case 'TASK_SENTENCE_SIMILARITY': {
      const scores = Array.isArray(raw) ? raw : isObj(raw) ? raw.scores ?? raw.similarities : raw;
      const sentences = (input.inputs as { sentences: string[] }).sentences;
      if (!Array.isArray(scores)) throw unexpected(task, `expected a list of scores, got ${describeValue(raw)}`);
      if (scores.length !== sentences.length) throw unexpected(task, `${scores.length} scores for ${sentences.length} sentences`);
      return { scores: scores as number[] };
    }
    case 'TASK_IMAGE_CLASSIFICATION':
    case 'TASK_AUDIO_CLASSIFICATION': {
      const classes = labelScores(task, raw);
      if (!classes.length) throw unexpected(task, 'no classes');
      return { classes: classes as never };
    }
    case 'TASK_IMAGE_SEGMENTATION':
      return {
        segments: list(task, raw, 'segments').map((item) => {
          if (!isObj(item)) throw unexpected(task, `expected segment objects, got ${describeValue(item)}`);
          const mask = typeof item.mask === 'string' && !item.mask.startsWith('data:') ? `data:image/png;base64,${item.mask}` : item.mask;
          return optional({ label: item.label, mask, score: item.score }) as never;
        }),
      };
    case 'TASK_OBJECT_DETECTION':
      return {
        objects: list(task, raw, 'objects').map((item) => {
          if (!isObj(item)) throw unexpected(task, `expected detection objects, got ${describeValue(item)}`);
          const box = isObj(item.box) ? { xmin: item.box.xmin, ymin: item.box.ymin, xmax: item.box.xmax, ymax: item.box.ymax } : item.box;
          return { label: item.label, score: item.score, box } as never;
        }),
      };
    case 'TASK_IMAGE_TO_TEXT':
      return { text: str(task, one(task, raw), 'generated_text') };
    case 'TASK_SPEECH_RECOGNITION': {
      const o = one(task, raw);
      const chunks = Array.isArray(o.chunks) ? o.chunks.map((c) => (isObj(c) ? { text: c.text, timestamp: c.timestamp } : c)) : undefined;
      return optional({ text: str(task, o, 'text'), chunks }) as never;
    }
  }
}

function zeroShot(task: TaskInfo, raw: unknown, input: TaskInput): TaskOutput {
  const sequence = typeof input.inputs === 'string' ? input.inputs : undefined;
  let labels: unknown[];
  let scores: unknown[];
  let seq: unknown = sequence;
  if (Array.isArray(raw) && raw.length > 0 && isObj(raw[0]) && 'label' in raw[0]) {
    // Newest servers: [{label, score}], best first.
    const items = labelScores(task, raw);
    labels = items.map((i) => i.label);
    scores = items.map((i) => i.score);
  } else {
    const o = one(task, raw);
    if (!Array.isArray(o.labels) || !Array.isArray(o.scores)) throw unexpected(task, 'expected {labels, scores}');
    labels = o.labels;
    scores = o.scores;
    if (typeof o.sequence === 'string') seq = o.sequence;
  }
  if (labels.length !== scores.length) throw unexpected(task, `${labels.length} labels but ${scores.length} scores`);
  return optional({ labels, scores, sequence: seq } as JsonObject) as never;
}
