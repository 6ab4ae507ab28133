// Media fixtures made by code (no binary files in the repo), and the few header
// readers the test server needs to answer like Hugging Face: sniffing formats by
// their magic numbers, PNG sizes, WAV durations.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'tiff';
export type AudioFormat = 'wav' | 'flac' | 'mp3' | 'ogg' | 'webm' | 'm4a';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG from rows of raw samples (`channels` bytes a pixel, 8-bit), every row with filter 0. */
function encodePng(width: number, height: number, channels: 1 | 3, sample: (x: number, y: number, c: number) => number): Buffer {
  const stride = width * channels + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) raw[y * stride + 1 + x * channels + c] = sample(x, y, c);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 1 ? 0 : 2; // colour type: grayscale or truecolour
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A real RGB PNG filled with one colour. */
export function makePng(width: number, height: number, rgb: [number, number, number] = [200, 120, 40]): Buffer {
  return encodePng(width, height, 3, (_x, _y, c) => rgb[c]);
}

/** A real RGB PNG, each pixel given by `pixel(x, y)` as [r, g, b] (a picture for screenshots). */
export function makeRgbPng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  return encodePng(width, height, 3, (x, y, c) => pixel(x, y)[c]);
}

/** A real 8-bit grayscale PNG, each pixel given by `pixel(x, y)` (0..255). */
export function makeGrayPng(width: number, height: number, pixel: (x: number, y: number) => number): Buffer {
  return encodePng(width, height, 1, pixel);
}

export function readPngSize(buf: Buffer): { width: number; height: number } {
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Decodes an 8-bit grayscale PNG (any filter types), e.g. a segmentation mask. */
export function readGrayPng(buf: Buffer): { width: number; height: number; pixel(x: number, y: number): number } {
  const { width, height } = readPngSize(buf);
  if (buf[24] !== 8 || buf[25] !== 0) throw new Error('not an 8-bit grayscale PNG');
  const idat: Buffer[] = [];
  for (let off = 8; off < buf.length; ) {
    const len = buf.readUInt32BE(off);
    if (buf.toString('ascii', off + 4, off + 8) === 'IDAT') idat.push(buf.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    for (let x = 0; x < width; x++) {
      const a = x > 0 ? pixels[y * width + x - 1] : 0;
      const b = y > 0 ? pixels[(y - 1) * width + x] : 0;
      const c = x > 0 && y > 0 ? pixels[(y - 1) * width + x - 1] : 0;
      pixels[y * width + x] = (raw[y * (width + 1) + 1 + x] + unfilter(filter, a, b, c)) & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => pixels[y * width + x] };
}

/** The predictor PNG filter `filter` adds back, given left (a), up (b) and up-left (c). */
function unfilter(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0: return 0;
    case 1: return a;
    case 2: return b;
    case 3: return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default: throw new Error(`bad PNG filter ${filter}`);
  }
}

/** JPEG markers only (SOI, a JFIF APP0, EOI): enough for anything that sniffs. */
export function makeJpegLike(): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, Buffer.from([0xff, 0xd9])]);
}

/** A complete 1x1 GIF89a (two-colour table, one LZW-coded pixel). */
export function makeGif(): Buffer {
  return Buffer.concat([
    Buffer.from('GIF89a', 'ascii'),
    Buffer.from([0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]), // 1x1, global colour table of 2
    Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff, 0xff]),
    Buffer.from([0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]), // image descriptor
    Buffer.from([0x02, 0x02, 0x44, 0x01, 0x00]), // LZW min code size 2, one data block
    Buffer.from([0x3b]),
  ]);
}

/** RIFF/WEBP with a VP8L header for a 1x1 image. */
export function makeWebp(): Buffer {
  const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00]);
  return riff('WEBP', [['VP8L', vp8l]]);
}

/** A real 24-bit BMP (bottom-up rows padded to 4 bytes), mid-gray. */
export function makeBmp(width: number, height: number): Buffer {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'ascii');
  header.writeUInt32LE(54 + rowSize * height, 2);
  header.writeUInt32LE(54, 10); // pixel data offset
  header.writeUInt32LE(40, 14); // BITMAPINFOHEADER
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26); // planes
  header.writeUInt16LE(24, 28); // bits per pixel
  header.writeUInt32LE(rowSize * height, 34);
  return Buffer.concat([header, Buffer.alloc(rowSize * height, 0x80)]);
}

/** A little-endian 1x1 8-bit grayscale TIFF with one strip. */
export function makeTiff(): Buffer {
  const entries: [number, number, number][] = [
    [256, 3, 1], // ImageWidth
    [257, 3, 1], // ImageLength
    [258, 3, 8], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // Photometric: black is zero
    [273, 4, 8 + 2 + 8 * 12 + 4], // StripOffsets: right after the IFD
    [278, 3, 1], // RowsPerStrip
    [279, 4, 1], // StripByteCounts
  ];
  const buf = Buffer.alloc(8 + 2 + entries.length * 12 + 4 + 1);
  buf.write('II*\0', 0, 'ascii');
  buf.writeUInt32LE(8, 4);
  buf.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    buf.writeUInt16LE(tag, at);
    buf.writeUInt16LE(type, at + 2);
    buf.writeUInt32LE(1, at + 4);
    if (type === 3) buf.writeUInt16LE(value, at + 8);
    else buf.writeUInt32LE(value, at + 8);
  });
  buf[buf.length - 1] = 0x80;
  return buf;
}

function riff(form: string, chunks: [string, Buffer][]): Buffer {
  const parts = chunks.flatMap(([id, data]) => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'ascii');
    head.writeUInt32LE(data.length, 4);
    return data.length % 2 ? [head, data, Buffer.alloc(1)] : [head, data];
  });
  const body = Buffer.concat([Buffer.from(form, 'ascii'), ...parts]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

/** A real WAV: 16-bit PCM mono, a 440 Hz sine at a third of full scale. */
export function makeWav(seconds: number, sampleRate = 16000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * 2, 8); // byte rate
  fmt.writeUInt16LE(2, 12); // block align
  fmt.writeUInt16LE(16, 14); // bits per sample
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 10000), i * 2);
  return riff('WAVE', [['fmt ', fmt], ['data', data]]);
}

/** "fLaC" and a STREAMINFO block (16 kHz mono 16-bit), no frames. */
export function makeFlac(): Buffer {
  const info = Buffer.alloc(34);
  info.writeUInt16BE(4096, 0); // min block size
  info.writeUInt16BE(4096, 2); // max block size
  // 20 bits sample rate, 3 bits channels-1, 5 bits bits-per-sample-1, 36 bits total samples.
  info.writeUInt32BE((16000 << 12) | (0 << 9) | (15 << 4), 10);
  return Buffer.concat([Buffer.from('fLaC', 'ascii'), Buffer.from([0x80, 0x00, 0x00, 34]), info]);
}

/** An empty ID3v2.4 tag, then one silent MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz). */
export function makeMp3(): Buffer {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([id3, frame]);
}

/** An Ogg page ("OggS", beginning of stream) holding an OpusHead packet; CRC left zero. */
export function makeOgg(): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt32LE(48000, 12);
  const page = Buffer.alloc(27);
  page.write('OggS', 0, 'ascii');
  page[5] = 0x02; // beginning of stream
  page.writeUInt32LE(1, 14); // serial number
  page[26] = 1; // one segment
  return Buffer.concat([page, Buffer.from([head.length]), head]);
}

/** An EBML header with DocType "webm", then a Segment of unknown size. */
export function makeWebm(): Buffer {
  const ebmlBody = Buffer.concat([
    Buffer.from([0x42, 0x86, 0x81, 0x01]), // EBMLVersion 1
    Buffer.from([0x42, 0xf7, 0x81, 0x01]), // EBMLReadVersion 1
    Buffer.from([0x42, 0xf2, 0x81, 0x04]), // EBMLMaxIDLength 4
    Buffer.from([0x42, 0xf3, 0x81, 0x08]), // EBMLMaxSizeLength 8
    Buffer.from([0x42, 0x82, 0x84]), Buffer.from('webm', 'ascii'), // DocType
    Buffer.from([0x42, 0x87, 0x81, 0x04]), // DocTypeVersion 4
    Buffer.from([0x42, 0x85, 0x81, 0x02]), // DocTypeReadVersion 2
  ]);
  const segment = Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | ebmlBody.length]), ebmlBody, segment]);
}

/** An ISO-BMFF `ftyp` box with brand "M4A ", then an empty `mdat`. */
export function makeM4a(): Buffer {
  const ftyp = Buffer.alloc(32);
  ftyp.writeUInt32BE(32, 0);
  ftyp.write('ftypM4A ', 4, 'ascii');
  ftyp.write('M4A mp42isom\0\0\0\0', 16, 'ascii');
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(8, 0);
  mdat.write('mdat', 4, 'ascii');
  return Buffer.concat([ftyp, mdat]);
}

const ascii = (buf: Buffer, start: number, end: number) => buf.toString('latin1', start, end);

/** The image format named by the first bytes, as Pillow would recognise it. */
export function sniffImage(buf: Buffer): ImageFormat | undefined {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (/^GIF8[79]a$/.test(ascii(buf, 0, 6))) return 'gif';
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'webp';
  if (ascii(buf, 0, 2) === 'BM' && buf.length >= 26) return 'bmp';
  if (ascii(buf, 0, 4) === 'II*\0' || ascii(buf, 0, 4) === 'MM\0*') return 'tiff';
  return undefined;
}

/** The audio container named by the first bytes, as ffmpeg would probe it. */
export function sniffAudio(buf: Buffer): AudioFormat | undefined {
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WAVE') return 'wav';
  if (ascii(buf, 0, 4) === 'fLaC') return 'flac';
  if (ascii(buf, 0, 3) === 'ID3' || (buf.length >= 2 && buf[0] === 0xff && (buf[1] & 0xe0) === 0xe0)) return 'mp3';
  if (ascii(buf, 0, 4) === 'OggS') return 'ogg';
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  if (ascii(buf, 4, 8) === 'ftyp') return 'm4a';
  return undefined;
}

/** Width and height from the header of a PNG, GIF or BMP; undefined for other formats. */
export function readImageSize(buf: Buffer): { width: number; height: number } | undefined {
  switch (sniffImage(buf)) {
    case 'png': return buf.length >= 24 ? readPngSize(buf) : undefined;
    case 'gif': return buf.length >= 10 ? { width: buf.readUInt16LE(6), height: buf.readUInt16LE(8) } : undefined;
    case 'bmp': return { width: buf.readInt32LE(18), height: Math.abs(buf.readInt32LE(22)) };
    default: return undefined;
  }
}

/**
 * Seconds of audio in a WAV, from its `fmt ` byte rate and `data` size. `totalLength` is the whole
 * file's size when only its head is at hand; a data size past the end (streamed WAVs) is capped.
 */
export function readWavDuration(head: Buffer, totalLength = head.length): number | undefined {
  if (sniffAudio(head) !== 'wav') return undefined;
  let byteRate: number | undefined;
  for (let off = 12; off + 8 <= head.length; ) {
    const id = ascii(head, off, off + 4);
    const size = head.readUInt32LE(off + 4);
    if (id === 'fmt ' && off + 16 <= head.length) byteRate = head.readUInt32LE(off + 16);
    if (id === 'data') return byteRate ? Math.min(size, totalLength - off - 8) / byteRate : undefined;
    off += 8 + size + (size % 2);
  }
  return undefined;
}
