// Width and height of an image from its header bytes (pure), so an annotation can be
// drawn in the image's own pixel coordinates, which are the ones boxes come in.

export interface Size {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32le = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const text = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

function valid(width: number, height: number): Size | undefined {
  return width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height) ? { width, height } : undefined;
}

/** The size from a PNG, JPEG, GIF, WebP, BMP or TIFF header; undefined when unknown or unreadable. */
export function imageSize(b: Uint8Array): Size | undefined {
  if (b.length < 10) return undefined;
  if (b[0] === 0x89 && text(b, 1, 3) === 'PNG') return b.length >= 24 ? valid(u32be(b, 16), u32be(b, 20)) : undefined;
  if (text(b, 0, 3) === 'GIF') return valid(u16le(b, 6), u16le(b, 8));
  if (b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (text(b, 0, 4) === 'RIFF' && text(b, 8, 4) === 'WEBP') return webpSize(b);
  if (text(b, 0, 2) === 'BM' && b.length >= 26) return bmpSize(b);
  if (text(b, 0, 4) === 'II*\0' || text(b, 0, 4) === 'MM\0*') return tiffSize(b);
  return undefined;
}

/** The first start-of-frame segment holds the size; other segments are skipped by their length. */
function jpegSize(b: Uint8Array): Size | undefined {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return valid(u16be(b, at + 7), u16be(b, at + 5));
    at += 2 + u16be(b, at + 2);
  }
  return undefined;
}

function webpSize(b: Uint8Array): Size | undefined {
  if (b.length < 30) return undefined;
  const chunk = text(b, 12, 4);
  if (chunk === 'VP8 ') return valid(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = u32le(b, 21);
    return valid((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return valid(u24le(b, 24) + 1, u24le(b, 27) + 1);
  return undefined;
}

function bmpSize(b: Uint8Array): Size | undefined {
  // OS/2 headers (12 bytes) have 16-bit sizes; the others 32-bit, the height negative for top-down rows.
  if (u32le(b, 14) === 12) return valid(u16le(b, 18), u16le(b, 20));
  return valid(u32le(b, 18) | 0, Math.abs(u32le(b, 22) | 0));
}

function tiffSize(b: Uint8Array): Size | undefined {
  const little = b[0] === 0x49;
  const u16 = (at: number) => (little ? u16le(b, at) : u16be(b, at));
  const u32 = (at: number) => (little ? u32le(b, at) : u32be(b, at));
  const ifd = u32(4);
  if (ifd + 2 > b.length) return undefined;
  let width = 0;
  let height = 0;
  for (let i = 0, n = u16(ifd); i < n; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > b.length) break;
    const tag = u16(entry);
    const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return valid(width, height);
}
