// Which workspace files the image and audio tasks take, and the checks made before
// one is sent (pure: the sniffer is handed in, so this module never loads the
// executor). The extensions are the ones the manifest's `when` clauses list.

export type MediaKind = 'image' | 'audio';

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff'];
export const AUDIO_EXTENSIONS = ['wav', 'flac', 'mp3', 'ogg', 'm4a', 'webm'];

/** Enough of a file's start for every signature the executor's sniffer knows. */
export const HEAD_BYTES = 64;

export function extensionsOf(kind: MediaKind): string[] {
  return kind === 'image' ? IMAGE_EXTENSIONS : AUDIO_EXTENSIONS;
}

export function mediaKindOf(path: string): MediaKind | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (IMAGE_EXTENSIONS.includes(ext)) return 'image';
  if (AUDIO_EXTENSIONS.includes(ext)) return 'audio';
  return undefined;
}

/**
 * A glob for every file of `kind` under a folder, whatever the case of its extension
 * (`**\/*.{[pP][nN][gG],…}`): globs are case-sensitive on most file systems.
 */
export function mediaGlob(kind: MediaKind): string {
  const anyCase = (ext: string) => [...ext].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('');
  return `**/*.{${extensionsOf(kind).map(anyCase).join(',')}}`;
}

export function megabytes(bytes: number): string {
  const mb = bytes / 2 ** 20;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

const KIND_NAME: Record<MediaKind, string> = { image: 'an image', audio: 'an audio file' };

/** Why a file of `size` bytes cannot be sent, before anything of it is read (undefined: it can). */
export function sizeProblem(name: string, size: number, maxBytes: number): string | undefined {
  if (size === 0) return `${name} is empty.`;
  if (size > maxBytes) return `${name} is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit (huggingface.maxMediaMegabytes); it was not read or sent.`;
  return undefined;
}

export type Sniffer = (head: Uint8Array) => { type: string; kind: MediaKind } | undefined;

/**
 * The content type of a file from its first bytes, or why it is not `kind`: a text
 * file or a PDF renamed `.png` is refused here, with its name, not sent to a model.
 */
export function sniffProblem(name: string, head: Uint8Array, kind: MediaKind, sniff: Sniffer): { contentType: string } | { problem: string } {
  const found = sniff(head);
  if (found?.kind === kind) return { contentType: found.type };
  const formats = kind === 'image' ? 'PNG, JPEG, GIF, WebP, BMP or TIFF' : 'WAV, FLAC, MP3, Ogg, M4A or WebM';
  if (found) return { problem: `${name} holds ${found.kind === 'image' ? 'an image' : 'audio'} (${found.type}), not ${kind === 'image' ? 'an image' : 'audio'}.` };
  return { problem: `${name} is not ${KIND_NAME[kind]}: its content is not ${formats}.` };
}
