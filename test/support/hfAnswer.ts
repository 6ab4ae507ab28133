// What every default answer of the test server is made of, and the small
// helpers the task modules share (deterministic scores, words).

/** A default answer: JSON with a status, or Server-Sent Events (status 200). */
export type Answer = { status: number; json: unknown } | { status: 200; sse: string[] };

/** A JSON task's request: `{inputs, parameters?, options?, stream?}` on the model's route. */
export interface JsonCall {
  model: string;
  variant: string;
  inputs: unknown;
  parameters: Record<string, unknown>;
  stream: boolean;
}

/** An image or audio task's request: the upload's head (all of it unless huge) and its full length. */
export interface MediaCall {
  variant: string;
  head: Buffer;
  length: number;
  parameters: Record<string, unknown>;
}

export const ok = (json: unknown): Answer => ({ status: 200, json });
export const fail = (status: number, error: unknown): Answer => ({ status, json: { error } });

/** Hugging Face's validation error: a LIST of messages. */
export const fieldRequired = (field: string): Answer => fail(400, [`Error in \`${field}\`: field required`]);
export const invalidInputs = (rule: string): Answer => fail(400, [`Input validation error: \`inputs\` ${rule}`]);

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number in [0, 1) that depends only on the data (FNV-1a), so scores are stable across runs. */
export function fraction(data: string | Buffer): number {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h / 2 ** 32;
}

/** Lower-case words (letters, digits, apostrophes). */
export const lowerWords = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];

/** Whitespace-led pieces ("a", " b", " c."): what streams send one at a time; joined they give back the text. */
export const pieces = (text: string): string[] => text.match(/\s*\S+/g) ?? [];

/** A non-negative integer parameter, or undefined. */
export function intParam(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}
