// One small valid input per task (without `task`), for tests that run every task and
// care about what happens around the input: fuzzing, failures, token leaks.
import type { TaskId } from '../../src/executor';

/** The first bytes of a PNG and of a WAV file: enough for the executor to know the media type. */
export const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
export const WAV_HEAD = Buffer.from('524946460000000057415645666d7420', 'hex');

const IMAGE_TASKS = new Set<TaskId>(['TASK_IMAGE_CLASSIFICATION', 'TASK_IMAGE_SEGMENTATION', 'TASK_OBJECT_DETECTION', 'TASK_IMAGE_TO_TEXT']);
const AUDIO_TASKS = new Set<TaskId>(['TASK_SPEECH_RECOGNITION', 'TASK_AUDIO_CLASSIFICATION']);

export function sampleInput(task: TaskId, model = 'org/model', media: { image?: Uint8Array; audio?: Uint8Array } = {}): Record<string, unknown> {
  if (IMAGE_TASKS.has(task)) return { model, image: media.image ?? PNG_HEAD };
  if (AUDIO_TASKS.has(task)) return { model, audio: media.audio ?? WAV_HEAD };
  switch (task) {
    case 'TASK_ZERO_SHOT_CLASSIFICATION':
      return { model, inputs: 'x', parameters: { candidate_labels: ['a'] } };
    case 'TASK_QUESTION_ANSWERING':
      return { model, inputs: { question: 'q', context: 'c' } };
    case 'TASK_TABLE_QUESTION_ANSWERING':
      return { model, inputs: { query: 'q', table: { a: ['1'] } } };
    case 'TASK_SENTENCE_SIMILARITY':
      return { model, inputs: { source_sentence: 's', sentences: ['a'] } };
    case 'TASK_CONVERSATIONAL':
      return { model, inputs: { text: 'hi' } };
    default:
      return { model, inputs: 'some text' };
  }
}
