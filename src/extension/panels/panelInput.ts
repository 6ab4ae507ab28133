// Conversions between a panel's input (media as a named base64 file) and the
// executor's task input, and the output of a streamed run.
import type { Conversation, TaskInfo, TaskInput, TaskOutput } from '../../executor';
import { MAX_MEDIA_BYTES, type MediaFile, type PanelInput } from '../../shared/protocol';

/** The executor's input: the spec's fields, the media under the task's own field name. */
export function toTaskInput(task: TaskInfo, p: PanelInput): TaskInput {
  const input: TaskInput = { model: p.model.trim() };
  if (p.inputs !== undefined) input.inputs = p.inputs;
  if (p.parameters && Object.keys(p.parameters).length > 0) input.parameters = p.parameters;
  if (p.options && Object.keys(p.options).length > 0) input.options = p.options;
  if (task.mediaField && p.media) input[task.mediaField] = p.media.base64;
  return input;
}

/** The output of a streamed run, shaped as `execute()` would have returned it. */
export function streamedOutput(task: TaskInfo, input: TaskInput, text: string): TaskOutput {
  if (task.id !== 'TASK_CONVERSATIONAL') return { generated_text: text };
  const inputs = input.inputs as { text: string; past_user_inputs?: string[]; generated_responses?: string[] };
  const conversation: Conversation = {
    past_user_inputs: [...(inputs.past_user_inputs ?? []), inputs.text],
    generated_responses: [...(inputs.generated_responses ?? []), text],
  };
  return { generated_text: text, conversation };
}

const DATA_URI = /^data:[^,]*;base64,/i;

async function mediaBytes(value: unknown): Promise<Uint8Array | undefined> {
  if (value instanceof Uint8Array) return value;
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    if (value.size > MAX_MEDIA_BYTES) return undefined;
    return new Uint8Array(await value.arrayBuffer());
  }
  if (typeof value === 'string') return Buffer.from(value.replace(DATA_URI, ''), 'base64');
  return undefined;
}

/**
 * A task input from another command, as a panel shows it. Media larger than a
 * panel accepts is left out (the panel then asks for the file again).
 */
export async function fromTaskInput(task: TaskInfo, input: TaskInput, sniff: (head: Uint8Array) => { type: string } | undefined, mediaName?: string): Promise<PanelInput> {
  const p: PanelInput = { model: typeof input.model === 'string' ? input.model : '' };
  if (input.inputs !== undefined) p.inputs = input.inputs;
  if (input.parameters) p.parameters = input.parameters;
  if (input.options) p.options = input.options;
  if (task.mediaField) {
    const bytes = await mediaBytes(input[task.mediaField]);
    if (bytes && bytes.length > 0 && bytes.length <= MAX_MEDIA_BYTES) {
      const media: MediaFile = {
        name: mediaName ?? task.mediaField,
        mime: sniff(bytes.subarray(0, 64))?.type ?? `${task.mediaField}/octet-stream`,
        base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
      };
      p.media = media;
    }
  }
  return p;
}
