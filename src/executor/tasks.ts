// The task table: one row per spec task, with what the rest of the code needs to
// know about it (how its input travels, its Hub pipeline tag, a default model).
import type { TaskId } from './types';

/** How a task's input travels: JSON `{inputs, parameters, options}`, a chat completion, or raw media bytes. */
export type Transport = 'json' | 'chat' | 'image' | 'audio';

/**
 * Whether Hugging Face's own hf-inference provider serves the task today:
 * `served`: yes; `chat`: through the router's chat-completion API (any provider);
 * `endpoint`: no longer — a dedicated Inference Endpoint or another server is needed.
 */
export type Availability = 'served' | 'chat' | 'endpoint';

export interface TaskInfo {
  id: TaskId;
  title: string;
  /** Hub `pipeline_tag` used to search models for this task. */
  pipelineTag: string;
  transport: Transport;
  /** The media field for image/audio tasks. */
  mediaField?: 'image' | 'audio';
  availability: Availability;
  defaultModel: string;
  /** Whether `stream()` supports the task. */
  streams: boolean;
}

const CHAT_MODEL = 'Qwen/Qwen2.5-7B-Instruct';

export const TASK_TABLE: readonly TaskInfo[] = [
  { id: 'TASK_TEXT_GENERATION', title: 'Text Generation', pipelineTag: 'text-generation', transport: 'json', availability: 'chat', defaultModel: CHAT_MODEL, streams: true },
  { id: 'TASK_FILL_MASK', title: 'Fill Mask', pipelineTag: 'fill-mask', transport: 'json', availability: 'served', defaultModel: 'google-bert/bert-base-uncased', streams: false },
  { id: 'TASK_SUMMARIZATION', title: 'Summarization', pipelineTag: 'summarization', transport: 'json', availability: 'served', defaultModel: 'facebook/bart-large-cnn', streams: false },
  { id: 'TASK_TEXT_CLASSIFICATION', title: 'Text Classification', pipelineTag: 'text-classification', transport: 'json', availability: 'served', defaultModel: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english', streams: false },
  { id: 'TASK_TOKEN_CLASSIFICATION', title: 'Token Classification', pipelineTag: 'token-classification', transport: 'json', availability: 'served', defaultModel: 'dslim/bert-base-NER', streams: false },
  { id: 'TASK_TRANSLATION', title: 'Translation', pipelineTag: 'translation', transport: 'json', availability: 'served', defaultModel: 'google-t5/t5-small', streams: false },
  { id: 'TASK_ZERO_SHOT_CLASSIFICATION', title: 'Zero-Shot Classification', pipelineTag: 'zero-shot-classification', transport: 'json', availability: 'served', defaultModel: 'facebook/bart-large-mnli', streams: false },
  { id: 'TASK_QUESTION_ANSWERING', title: 'Question Answering', pipelineTag: 'question-answering', transport: 'json', availability: 'served', defaultModel: 'deepset/roberta-base-squad2', streams: false },
  { id: 'TASK_TABLE_QUESTION_ANSWERING', title: 'Table Question Answering', pipelineTag: 'table-question-answering', transport: 'json', availability: 'served', defaultModel: 'google/tapas-base-finetuned-wtq', streams: false },
  { id: 'TASK_SENTENCE_SIMILARITY', title: 'Sentence Similarity', pipelineTag: 'sentence-similarity', transport: 'json', availability: 'served', defaultModel: 'sentence-transformers/all-MiniLM-L6-v2', streams: false },
  { id: 'TASK_CONVERSATIONAL', title: 'Conversational', pipelineTag: 'text-generation', transport: 'chat', availability: 'chat', defaultModel: CHAT_MODEL, streams: true },
  { id: 'TASK_IMAGE_CLASSIFICATION', title: 'Image Classification', pipelineTag: 'image-classification', transport: 'image', mediaField: 'image', availability: 'served', defaultModel: 'google/vit-base-patch16-224', streams: false },
  { id: 'TASK_IMAGE_SEGMENTATION', title: 'Image Segmentation', pipelineTag: 'image-segmentation', transport: 'image', mediaField: 'image', availability: 'served', defaultModel: 'nvidia/segformer-b0-finetuned-ade-512-512', streams: false },
  { id: 'TASK_OBJECT_DETECTION', title: 'Object Detection', pipelineTag: 'object-detection', transport: 'image', mediaField: 'image', availability: 'served', defaultModel: 'facebook/detr-resnet-50', streams: false },
  { id: 'TASK_IMAGE_TO_TEXT', title: 'Image to Text', pipelineTag: 'image-to-text', transport: 'image', mediaField: 'image', availability: 'endpoint', defaultModel: 'Salesforce/blip-image-captioning-large', streams: false },
  { id: 'TASK_SPEECH_RECOGNITION', title: 'Speech Recognition', pipelineTag: 'automatic-speech-recognition', transport: 'audio', mediaField: 'audio', availability: 'served', defaultModel: 'openai/whisper-large-v3', streams: false },
  { id: 'TASK_AUDIO_CLASSIFICATION', title: 'Audio Classification', pipelineTag: 'audio-classification', transport: 'audio', mediaField: 'audio', availability: 'endpoint', defaultModel: 'superb/hubert-large-superb-er', streams: false },
];

/** The 17 task ids of the spec, in the spec's order. */
export const TASKS: readonly TaskId[] = TASK_TABLE.map((t) => t.id);

const byId = new Map<string, TaskInfo>(TASK_TABLE.map((t) => [t.id, t]));

export function findTask(task: unknown): TaskInfo | undefined {
  return typeof task === 'string' ? byId.get(task) : undefined;
}
