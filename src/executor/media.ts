// Image and audio payloads: accepted as base64, a `data:` URI, bytes or a Blob,
// sent as raw bytes with a Content-Type sniffed from the bytes themselves.
import { ComponentError } from './errors';
import type { MediaInput } from './types';

export interface Media {
  /** Bytes in memory, or a Blob (e.g. from `fs.openAsBlob`) streamed when sent. */
  body: Uint8Array | Blob;
  size: number;
  contentType: string;
}

type Kind = 'image' | 'audio';

const SIGNATURES: { type: string; kind: Kind; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', kind: 'image', test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', kind: 'image', test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', kind: 'image', test: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a') },
  { type: 'image/webp', kind: 'image', test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  { type: 'image/bmp', kind: 'image', test: (b) => ascii(b, 0, 'BM') && b.length >= 14 },
  { type: 'image/tiff', kind: 'image', test: (b) => starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { type: 'audio/wav', kind: 'audio', test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE') },
  { type: 'audio/flac', kind: 'audio', test: (b) => ascii(b, 0, 'fLaC') },
  { type: 'audio/ogg', kind: 'audio', test: (b) => ascii(b, 0, 'OggS') },
  { type: 'audio/webm', kind: 'audio', test: (b) => starts(b, [0x1a, 0x45, 0xdf, 0xa3]) },
  { type: 'audio/mp4', kind: 'audio', test: (b) => ascii(b, 4, 'ftyp') },
  // MP3: an ID3 tag, or an MPEG audio frame sync (11 set bits, layer bits not 00).
  { type: 'audio/mpeg', kind: 'audio', test: (b) => ascii(b, 0, 'ID3') || (b.length > 1 && b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0) },
];

function starts(b: Uint8Array, bytes: number[]): boolean {
  return b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
}
function ascii(b: Uint8Array, at: number, text: string): boolean {
  if (b.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

// Files that are surely not media, whatever they are called: documents and archives by
// their signature, and text (the first bytes valid UTF-8 with no control characters
// but tabs and line ends). Bytes that are neither are sent as they are: they may be a
// format not listed above.
const NOT_MEDIA: { type: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'application/zip', test: (b) => ascii(b, 0, 'PK') && [[3, 4], [5, 6], [7, 8]].some(([x, y]) => b[2] === x && b[3] === y) },
  { type: 'application/pdf', test: (b) => ascii(b, 0, '%PDF-') },
  { type: 'application/gzip', test: (b) => starts(b, [0x1f, 0x8b]) },
  { type: 'application/x-7z-compressed', test: (b) => starts(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { type: 'application/vnd.rar', test: (b) => ascii(b, 0, 'Rar!\x1a\x07') },
];

function isText(b: Uint8Array): boolean {
  let text: string;
  try {
    // `stream`: a character cut at the end of the head is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what binary data has and text has not
  return text.length > 0 && !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** What a file that is not media holds ("text", "application/zip"…), from its first bytes; undefined when it may be media. */
export function sniffNotMedia(head: Uint8Array): string | undefined {
  if (sniffMediaType(head)) return undefined;
  return NOT_MEDIA.find((s) => s.test(head))?.type ?? (isText(head) ? 'text' : undefined);
}

/** The media type of the first bytes of a file, or undefined when none matches. */
export function sniffMediaType(head: Uint8Array): { type: string; kind: Kind } | undefined {
  const hit = SIGNATURES.find((s) => s.test(head));
  return hit && { type: hit.type, kind: hit.kind };
}

const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*?),/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Decodes a media field into bytes (or keeps a Blob), checking it is the right kind of file. */
export async function readMedia(value: MediaInput, field: Kind): Promise<Media> {
  let declared: string | undefined;
  let body: Uint8Array | Blob;
  if (typeof value === 'string') {
    let data = value;
    const m = DATA_URI.exec(value);
    if (m) {
      if (!/;base64/i.test(m[2])) throw invalid(field, `${field} is a data: URI that is not base64-encoded`);
      declared = m[1] || undefined;
      data = value.slice(m[0].length);
    }
    data = data.replace(/\s+/g, '');
    if (!data) throw invalid(field, `${field} is empty`);
    if (!BASE64.test(data) || data.replace(/=+$/, '').length % 4 === 1) {
      throw invalid(field, `${field} must be a base64 string or a data: URI (it contains characters that are not base64)`);
    }
    body = Buffer.from(data, /[-_]/.test(data) ? 'base64url' : 'base64');
  } else if (value instanceof Uint8Array || (typeof Blob !== 'undefined' && value instanceof Blob)) {
    body = value;
  } else {
    throw invalid(field, `${field} must be a base64 string, a data: URI, bytes or a Blob`);
  }

  const size = body instanceof Uint8Array ? body.byteLength : body.size;
  if (size === 0) throw invalid(field, `${field} is empty`);
  const head = body instanceof Uint8Array ? body.subarray(0, 16) : new Uint8Array(await body.slice(0, 16).arrayBuffer());
  const sniffed = sniffMediaType(head);
  if (sniffed && sniffed.kind !== field) {
    throw invalid(field, `${field} holds ${sniffed.kind} data (${sniffed.type}), not ${field === 'image' ? 'an image' : 'audio'}`);
  }
  const other = sniffed ? undefined : sniffNotMedia(head);
  if (other) throw invalid(field, `${field} holds ${other === 'text' ? 'text' : `a document or archive (${other})`}, not ${field === 'image' ? 'an image' : 'audio'}`);
  const contentType = sniffed?.type ?? (declared && declared.includes('/') ? declared : undefined) ?? (body instanceof Blob && body.type ? body.type : 'application/octet-stream');
  return { body, size, contentType };
}

function invalid(field: Kind, message: string): ComponentError {
  return new ComponentError('INVALID_INPUT', `Invalid input: ${message}.`, { field: `/${field}` });
}
