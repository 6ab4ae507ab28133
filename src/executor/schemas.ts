// JSON Schemas of every task's input and output: the spec's tables, field id for
// field id, with the parameters and options the reference component declared.
// Declared parameters are type-checked; any other parameter is forwarded as is,
// because Hugging Face keeps adding them (top_k, src_lang, stop…).
import { ComponentError } from './errors';
import { findTask } from './tasks';
import type { JsonObject, TaskId, TaskSchemas } from './types';

type Schema = JsonObject;

const MODEL: Schema = {
  type: 'string',
  title: 'Model',
  description: 'The Hugging Face model to be used',
  minLength: 1,
  // A model id goes into the URL path unescaped, so it must not be able to leave
  // `/models/`: no whitespace, query, fragment, backslash or `.`/`..` segments.
  pattern: '^(?!.*(?:^|/)\\.{1,2}(?:/|$))[^\\s?#\\\\]+$',
  examples: ['facebook/bart-large-cnn'],
};

const OPTIONS: Schema = {
  type: 'object',
  title: 'Options',
  description: 'Options for the model',
  properties: {
    wait_for_model: { type: 'boolean', description: 'Wait for the model to load instead of receiving a 503 while it loads.' },
    use_cache: { type: 'boolean', description: 'Use a cached answer for the same input when the server has one.' },
    use_gpu: { type: 'boolean', description: 'Ask for GPU inference (legacy Inference API).' },
  },
  additionalProperties: false,
};

const STRING_INPUT: Schema = { type: 'string', title: 'String Input', description: 'String input', minLength: 1 };
const int = (description: string, minimum = 0, maximum?: number): Schema => ({ type: 'integer', description, minimum, ...(maximum === undefined ? {} : { maximum }) });
const num = (description: string, minimum = 0, maximum?: number): Schema => ({ type: 'number', description, minimum, ...(maximum === undefined ? {} : { maximum }) });
const bool = (description: string): Schema => ({ type: 'boolean', description });
const strings = (description: string, minItems = 0): Schema => ({ type: 'array', description, items: { type: 'string' }, minItems });

function parameters(properties: Record<string, Schema>, required: string[] = []): Schema {
  return {
    type: 'object',
    title: 'Parameters',
    description: 'Parameters',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: true,
  };
}

const GENERATION_PARAMETERS: Record<string, Schema> = {
  max_length: int('Maximum length in tokens of the output.'),
  max_time: num('Maximum time in seconds the query may take (0–120).', 0, 120),
  min_length: int('Minimum length in tokens of the output.'),
  repetition_penalty: num('The more a token is used, the more it is penalized (0–100).', 0, 100),
  temperature: num('Sampling temperature: 1 is regular sampling, 0 always picks the top token, 100 is nearly uniform (0–100).', 0, 100),
  top_k: int('Sample only among the top_k most likely tokens.', 1),
  top_p: num('Sample only among the most likely tokens whose probabilities add up to top_p (0–1).', 0, 1),
};

const TEXT_GENERATION_PARAMETERS: Record<string, Schema> = {
  do_sample: bool('Use sampling; greedy decoding otherwise.'),
  max_new_tokens: int('The number of new tokens to generate.'),
  max_time: num('Maximum time in seconds the query may take (0–120).', 0, 120),
  num_return_sequences: int('The number of propositions to return.', 1),
  repetition_penalty: num('The more a token is used, the more it is penalized (0–100).', 0, 100),
  return_full_text: bool('Whether the prompt is prepended to the generated text.'),
  temperature: num('Sampling temperature (0–100).', 0, 100),
  top_k: int('Sample only among the top_k most likely tokens.', 1),
  top_p: num('Sample only among the most likely tokens whose probabilities add up to top_p (0–1).', 0, 1),
  seed: int('Random seed, for reproducible sampling.'),
  stop: strings('Stop generating when one of these strings is produced.'),
};

/** Per task: the input properties (besides task, model, options) and the required ones. */
function inputProperties(task: TaskId): { properties: Record<string, Schema>; required: string[] } {
  const text = (params: Schema) => ({ properties: { inputs: STRING_INPUT, parameters: params }, required: ['inputs'] });
  switch (task) {
    case 'TASK_TEXT_GENERATION':
      return text(parameters(TEXT_GENERATION_PARAMETERS));
    case 'TASK_FILL_MASK':
      return {
        properties: {
          inputs: { ...STRING_INPUT, description: "a string to be filled from, must contain the [MASK] token (check model card for exact name of the mask)" },
          parameters: parameters({ top_k: int('How many predictions to return.', 1), targets: strings('Limit the predictions to these words.', 1) }),
        },
        required: ['inputs'],
      };
    case 'TASK_SUMMARIZATION':
      return text(parameters(GENERATION_PARAMETERS));
    case 'TASK_TEXT_CLASSIFICATION':
      return text(parameters({ top_k: int('How many labels to return.', 1), function_to_apply: { type: 'string', enum: ['sigmoid', 'softmax', 'none'], description: 'How scores are computed from the logits.' } }));
    case 'TASK_TOKEN_CLASSIFICATION':
      return text(parameters({
        aggregation_strategy: { type: 'string', enum: ['none', 'simple', 'first', 'average', 'max'], description: 'How tokens are grouped into entities: none (every token), simple, first, average or max.' },
        ignore_labels: strings('Labels to leave out of the results.'),
      }));
    case 'TASK_TRANSLATION':
      return text(parameters({ src_lang: { type: 'string', description: 'Source language (multilingual models).' }, tgt_lang: { type: 'string', description: 'Target language (multilingual models).' }, max_new_tokens: int('The number of new tokens to generate.') }));
    case 'TASK_ZERO_SHOT_CLASSIFICATION':
      return {
        properties: {
          inputs: STRING_INPUT,
          parameters: parameters({
            candidate_labels: strings('The candidate labels for the input.', 1),
            multi_label: bool('Whether several labels can be true at once (scores are then independent).'),
            hypothesis_template: { type: 'string', description: 'The sentence used with each label, e.g. "This example is {}."' },
          }, ['candidate_labels']),
        },
        required: ['inputs', 'parameters'],
      };
    case 'TASK_QUESTION_ANSWERING':
      return {
        properties: {
          inputs: {
            type: 'object', title: 'Inputs', description: 'Inputs',
            properties: { question: { type: 'string', minLength: 1, description: 'The question.' }, context: { type: 'string', minLength: 1, description: 'The text the answer is taken from.' } },
            required: ['question', 'context'], additionalProperties: false,
          },
          parameters: parameters({ top_k: int('How many answers to consider.', 1), max_answer_len: int('Longest answer, in tokens.', 1), handle_impossible_answer: bool('Whether an empty answer is accepted.') }),
        },
        required: ['inputs'],
      };
    case 'TASK_TABLE_QUESTION_ANSWERING':
      return {
        properties: {
          inputs: {
            type: 'object', title: 'Inputs', description: 'Inputs',
            properties: {
              query: { type: 'string', minLength: 1, description: 'The question about the table.' },
              table: {
                type: 'object', minProperties: 1,
                description: 'The table: each column name maps to its list of cells; all columns have the same length.',
                additionalProperties: { type: 'array', items: { type: ['string', 'number', 'boolean'] } },
              },
            },
            required: ['query', 'table'], additionalProperties: false,
          },
          parameters: parameters({ sequential: bool('Answer several queries as a sequence (conversational models).') }),
        },
        required: ['inputs'],
      };
    case 'TASK_SENTENCE_SIMILARITY':
      return {
        properties: {
          inputs: {
            type: 'object', title: 'Inputs', description: 'Inputs',
            properties: { source_sentence: { type: 'string', minLength: 1, description: 'The sentence the others are compared with.' }, sentences: strings('The sentences to compare with the source sentence.', 1) },
            required: ['source_sentence', 'sentences'], additionalProperties: false,
          },
          parameters: parameters({}),
        },
        required: ['inputs'],
      };
    case 'TASK_CONVERSATIONAL':
      return {
        properties: {
          inputs: {
            type: 'object', title: 'Inputs', description: 'Inputs',
            properties: {
              text: { type: 'string', minLength: 1, description: 'The last input from the user in the conversation.' },
              past_user_inputs: strings('The earlier inputs from the user, oldest first.'),
              generated_responses: strings("The model's earlier answers, oldest first."),
            },
            required: ['text'], additionalProperties: false,
          },
          parameters: parameters({ ...GENERATION_PARAMETERS, max_tokens: int('The most tokens the answer may have (chat APIs).', 1), seed: int('Random seed, for reproducible sampling.'), stop: strings('Stop generating when one of these strings is produced.') }),
        },
        required: ['inputs'],
      };
    case 'TASK_IMAGE_CLASSIFICATION':
    case 'TASK_IMAGE_SEGMENTATION':
    case 'TASK_OBJECT_DETECTION':
    case 'TASK_IMAGE_TO_TEXT':
      return { properties: { image: { type: 'string', title: 'Image', description: 'The image file', contentEncoding: 'base64', minLength: 1 } }, required: ['image'] };
    case 'TASK_SPEECH_RECOGNITION':
    case 'TASK_AUDIO_CLASSIFICATION':
      return { properties: { audio: { type: 'string', title: 'Audio', description: 'The audio file', contentEncoding: 'base64', minLength: 1 } }, required: ['audio'] };
  }
}

const labelScore = (what: string): Schema => ({
  type: 'array', title: what, description: what,
  items: { type: 'object', properties: { label: { type: 'string' }, score: { type: 'number' } }, required: ['label', 'score'], additionalProperties: false },
});
const text = (title: string, description: string): Schema => ({ type: 'string', title, description });

function outputProperties(task: TaskId): { properties: Record<string, Schema>; required: string[] } {
  switch (task) {
    case 'TASK_TEXT_GENERATION':
      return { properties: { generated_text: text('Generated Text', 'The continuated string') }, required: ['generated_text'] };
    case 'TASK_FILL_MASK':
      return {
        properties: {
          results: {
            type: 'array', title: 'Results', description: 'Results', minItems: 1,
            items: {
              type: 'object',
              properties: {
                score: { type: 'number', description: 'The probability of this token.' },
                sequence: { type: 'string', description: 'The input with the mask filled in.' },
                token: { type: 'integer', description: 'The id of the predicted token.' },
                token_str: { type: 'string', description: 'The predicted token.' },
              },
              required: ['score', 'sequence', 'token_str'], additionalProperties: false,
            },
          },
        },
        required: ['results'],
      };
    case 'TASK_SUMMARIZATION':
      return { properties: { summary_text: text('Summary Text', 'The string after summarization') }, required: ['summary_text'] };
    case 'TASK_TEXT_CLASSIFICATION':
      return { properties: { results: { ...labelScore('Results'), minItems: 1 } }, required: ['results'] };
    case 'TASK_TOKEN_CLASSIFICATION':
      return {
        properties: {
          results: {
            type: 'array', title: 'Results', description: 'Results',
            items: {
              type: 'object',
              properties: {
                entity_group: { type: 'string', description: 'The label of the entity (with aggregation "none": the token label, e.g. B-PER).' },
                score: { type: 'number' },
                word: { type: 'string', description: 'The text of the entity.' },
                start: { type: 'integer', minimum: 0, description: 'Offset of the entity in the input.' },
                end: { type: 'integer', minimum: 0, description: 'Offset just past the entity in the input.' },
                index: { type: 'integer', description: 'Token index (aggregation "none" only).' },
              },
              required: ['entity_group', 'score', 'word'], additionalProperties: false,
            },
          },
        },
        required: ['results'],
      };
    case 'TASK_TRANSLATION':
      return { properties: { translation_text: text('Translation Text', 'The string after translation') }, required: ['translation_text'] };
    case 'TASK_ZERO_SHOT_CLASSIFICATION':
      return {
        properties: {
          scores: { type: 'array', items: { type: 'number' }, minItems: 1, title: 'Scores', description: 'a list of floats that correspond the the probability of label, in the same order as labels.' },
          labels: { type: 'array', items: { type: 'string' }, minItems: 1, title: 'Labels', description: 'The list of strings for labels that you sent (in order)' },
          sequence: text('Sequence', 'The string sent as an input'),
        },
        required: ['scores', 'labels'],
      };
    case 'TASK_QUESTION_ANSWERING':
      return {
        properties: {
          answer: text('Answer', 'A string that’s the answer within the text.'),
          stop: { type: 'integer', minimum: 0, title: 'Stop', description: 'The index (string wise) of the stop of the answer within context.' },
          score: { type: 'number', title: 'Score', description: 'A float that represents how likely that the answer is correct' },
          start: { type: 'integer', minimum: 0, title: 'Start', description: 'The index (string wise) of the start of the answer within context.' },
        },
        required: ['answer'],
      };
    case 'TASK_TABLE_QUESTION_ANSWERING':
      return {
        properties: {
          aggregator: text('Aggregator', 'The aggregator used to get the answer'),
          answer: text('Answer', 'The plaintext answer'),
          cells: { type: 'array', items: { type: 'string' }, title: 'Cells', description: 'a list of coordinates of the cells contents' },
          coordinates: { type: 'array', items: { type: 'array', items: { type: 'integer', minimum: 0 } }, title: 'Coordinates', description: 'a list of coordinates of the cells referenced in the answer' },
        },
        required: ['answer'],
      };
    case 'TASK_SENTENCE_SIMILARITY':
      return { properties: { scores: { type: 'array', items: { type: 'number' }, title: 'Scores', description: 'The associated similarity score for each of the given strings' } }, required: ['scores'] };
    case 'TASK_CONVERSATIONAL':
      return {
        properties: {
          conversation: {
            type: 'object', title: 'Conversation', description: 'A facility dictionnary to send back for the next input (with the new user input addition).',
            properties: { past_user_inputs: { type: 'array', items: { type: 'string' } }, generated_responses: { type: 'array', items: { type: 'string' } } },
            required: ['past_user_inputs', 'generated_responses'], additionalProperties: false,
          },
          generated_text: text('Generated Text', 'The answer of the bot'),
        },
        required: ['generated_text'],
      };
    case 'TASK_IMAGE_CLASSIFICATION':
      return { properties: { classes: { ...labelScore('Classes'), minItems: 1 } }, required: ['classes'] };
    case 'TASK_IMAGE_SEGMENTATION':
      return {
        properties: {
          segments: {
            type: 'array', title: 'Segments', description: 'Segments',
            items: {
              type: 'object',
              properties: {
                label: { type: 'string', description: 'The label of the segment.' },
                mask: { type: 'string', pattern: '^data:image/png;base64,', description: 'The mask: a grayscale PNG (255 inside the segment) as a data URI.' },
                score: { type: 'number', description: 'The confidence, when the model gives one.' },
              },
              required: ['label', 'mask'], additionalProperties: false,
            },
          },
        },
        required: ['segments'],
      };
    case 'TASK_OBJECT_DETECTION':
      return {
        properties: {
          objects: {
            type: 'array', title: 'Objects', description: 'Objects',
            items: {
              type: 'object',
              properties: {
                label: { type: 'string' },
                score: { type: 'number' },
                box: {
                  type: 'object', description: 'The bounding box, in pixels of the input image.',
                  properties: { xmin: { type: 'number' }, ymin: { type: 'number' }, xmax: { type: 'number' }, ymax: { type: 'number' } },
                  required: ['xmin', 'ymin', 'xmax', 'ymax'], additionalProperties: false,
                },
              },
              required: ['label', 'score', 'box'], additionalProperties: false,
            },
          },
        },
        required: ['objects'],
      };
    case 'TASK_IMAGE_TO_TEXT':
      return { properties: { text: text('Text', 'Generated text') }, required: ['text'] };
    case 'TASK_SPEECH_RECOGNITION':
      return {
        properties: {
          text: text('Text', 'The string that was recognized within the audio file.'),
          chunks: {
            type: 'array', description: 'Timestamped pieces of the transcript, when the model gives them.',
            items: {
              type: 'object',
              properties: { text: { type: 'string' }, timestamp: { type: 'array', items: [{ type: 'number' }, { type: ['number', 'null'] }], minItems: 2, maxItems: 2 } },
              required: ['text', 'timestamp'], additionalProperties: false,
            },
          },
        },
        required: ['text'],
      };
    case 'TASK_AUDIO_CLASSIFICATION':
      return { properties: { classes: { ...labelScore('Classes'), minItems: 1 } }, required: ['classes'] };
  }
}

function buildSchemas(task: TaskId): TaskSchemas {
  const info = findTask(task)!;
  const { properties, required } = inputProperties(task);
  const taskField: Schema = { type: 'string', const: task, title: 'Task ID', description: `\`${task}\`` };
  const input: Schema = {
    $id: `hf-tasks:${task}:input`,
    title: `${info.title} input`,
    type: 'object',
    properties: { task: taskField, model: MODEL, ...properties, options: OPTIONS },
    required: ['task', 'model', ...required],
    additionalProperties: false,
  };
  const out = outputProperties(task);
  const output: Schema = {
    $id: `hf-tasks:${task}:output`,
    title: `${info.title} output`,
    type: 'object',
    properties: out.properties,
    required: out.required,
    additionalProperties: false,
  };
  return { input, output };
}

const cache = new Map<string, TaskSchemas>();

/** The task's input and output JSON Schemas. Throws `INVALID_INPUT` for an unknown task. */
export function getTaskSchemas(task: string): TaskSchemas {
  const info = findTask(task);
  if (!info) throw unknownTask(task);
  let schemas = cache.get(info.id);
  if (!schemas) {
    schemas = buildSchemas(info.id);
    cache.set(info.id, schemas);
  }
  // Callers get their own copy: the cached one feeds the compiled validators.
  return structuredClone(schemas);
}

/** The cached schemas, for the validators (not to be mutated). */
export function schemasFor(task: TaskId): TaskSchemas {
  getTaskSchemas(task);
  return cache.get(task)!;
}

export function unknownTask(task: unknown): ComponentError {
  const shown = typeof task === 'string' ? `"${task}"` : String(task);
  return new ComponentError('INVALID_INPUT', `Unknown task ${shown}. Use one of the 17 task ids, e.g. TASK_SUMMARIZATION.`, { field: '/task' });
}
