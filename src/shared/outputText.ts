// The text of a result worth copying or inserting into a document, per task;
// undefined for results that are scores (their JSON is copied instead).
import type { TaskId } from '../executor';

type Obj = Record<string, unknown>;

const field = (output: unknown, key: string): string | undefined => {
  const v = output && typeof output === 'object' ? (output as Obj)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
};

export function outputText(task: TaskId, output: unknown): string | undefined {
  switch (task) {
    case 'TASK_TEXT_GENERATION':
    case 'TASK_CONVERSATIONAL':
      return field(output, 'generated_text');
    case 'TASK_SUMMARIZATION':
      return field(output, 'summary_text');
    case 'TASK_TRANSLATION':
      return field(output, 'translation_text');
    case 'TASK_QUESTION_ANSWERING':
    case 'TASK_TABLE_QUESTION_ANSWERING':
      return field(output, 'answer');
    case 'TASK_IMAGE_TO_TEXT':
    case 'TASK_SPEECH_RECOGNITION':
      return field(output, 'text');
    case 'TASK_FILL_MASK': {
      const results = (output as { results?: unknown } | undefined)?.results;
      return Array.isArray(results) ? field(results[0], 'sequence') : undefined;
    }
    default:
      return undefined;
  }
}
