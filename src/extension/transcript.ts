// Captions and transcripts as plain text for an editor (pure): a transcript with
// timestamped chunks becomes one "[0:01.5 → 0:04.0] text" line per chunk. Results for
// several files are each headed by the file's name.

export interface TextOutput {
  text: string;
  chunks?: readonly { text: string; timestamp: readonly [number, number | null] }[];
}

/** 75.25 → "1:15.3", 3725 → "1:02:05.0"; null (an open end) → "…". */
export function formatTimestamp(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '…';
  const tenths = Math.round(seconds * 10);
  const h = Math.floor(tenths / 36000);
  const m = Math.floor((tenths % 36000) / 600);
  const s = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function transcriptText(output: TextOutput): string {
  if (!output.chunks?.length) return output.text.trim();
  return output.chunks.map((c) => `[${formatTimestamp(c.timestamp[0])} → ${formatTimestamp(c.timestamp[1])}] ${c.text.trim()}`).join('\n');
}

export interface FileText {
  name: string;
  output?: TextOutput;
  error?: string;
}

/** One file: its text alone. Several: each under its name, failures said in place. */
export function combinedText(items: readonly FileText[]): string {
  if (items.length === 1 && items[0].output) return transcriptText(items[0].output);
  return items.map((i) => `${i.name}\n${i.output ? transcriptText(i.output) : `(failed: ${i.error ?? 'unknown error'})`}`).join('\n\n');
}
