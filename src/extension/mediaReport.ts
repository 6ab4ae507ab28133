// Media files and their results as Markdown (pure). Issue-4 views will replace these
// simple reports; the file types are the ones the manifest's `when` clauses list.
import { escapeMarkdown, formatScore, labelTable, type LabelScore } from './format';

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff'];
export const AUDIO_EXTENSIONS = ['wav', 'flac', 'mp3', 'ogg', 'm4a', 'webm'];

export function mediaKindOf(path: string): 'image' | 'audio' | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (IMAGE_EXTENSIONS.includes(ext)) return 'image';
  if (AUDIO_EXTENSIONS.includes(ext)) return 'audio';
  return undefined;
}

interface MediaOutputs {
  classes?: LabelScore[];
  objects?: { label: string; score: number; box: { xmin: number; ymin: number; xmax: number; ymax: number } }[];
  segments?: { label: string; score?: number }[];
  text?: string;
  chunks?: { text: string; timestamp: [number, number | null] }[];
}

/** A Markdown report of a media task's output. */
export function mediaReport(taskTitle: string, fileName: string, model: string, output: MediaOutputs): string {
  const head = `# ${escapeMarkdown(taskTitle)}: ${escapeMarkdown(fileName)}\n\nModel: ${escapeMarkdown(model)}\n\n`;
  if (output.classes) return head + (output.classes.length ? labelTable(output.classes) : '_No labels._') + '\n';
  if (output.objects) {
    if (!output.objects.length) return `${head}_No objects found._\n`;
    const rows = [...output.objects].sort((a, b) => b.score - a.score).map((o) => `| ${escapeMarkdown(o.label)} | ${formatScore(o.score)} | ${o.box.xmin}, ${o.box.ymin} | ${o.box.xmax}, ${o.box.ymax} |`);
    return `${head}| Object | Score | Top left | Bottom right |\n| :-- | --: | --: | --: |\n${rows.join('\n')}\n`;
  }
  if (output.segments) {
    if (!output.segments.length) return `${head}_No segments found._\n`;
    const rows = output.segments.map((s) => `| ${escapeMarkdown(s.label)} | ${s.score === undefined ? '–' : formatScore(s.score)} |`);
    return `${head}| Segment | Score |\n| :-- | --: |\n${rows.join('\n')}\n\n_Masks are in the full result (Show Details)._\n`;
  }
  if (output.chunks?.length) {
    const lines = output.chunks.map((c) => `- \`${timestamp(c.timestamp[0])}–${timestamp(c.timestamp[1])}\` ${escapeMarkdown(c.text)}`);
    return `${head}${lines.join('\n')}\n`;
  }
  return `${head}${output.text ?? ''}\n`;
}

function timestamp(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '…';
  const m = Math.floor(seconds / 60);
  const s = (seconds % 60).toFixed(1).padStart(4, '0');
  return `${m}:${s}`;
}
