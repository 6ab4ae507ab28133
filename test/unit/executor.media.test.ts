// Media decoding and sniffing: base64, data: URIs, bytes and Blobs; the wrong kind of file is refused.
import * as assert from 'node:assert/strict';
import { readMedia, sniffMediaType, sniffNotMedia } from '../../src/executor/media';

const head = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const SAMPLES: [string, Buffer][] = [
  ['image/png', head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13])],
  ['image/jpeg', head([0xff, 0xd8, 0xff, 0xe0], [0, 16])],
  ['image/gif', head('GIF89a', [1, 0, 1, 0])],
  ['image/webp', head('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
  ['image/bmp', head('BM', new Array(14).fill(0))],
  ['image/tiff', head([0x49, 0x49, 0x2a, 0x00], [8, 0, 0, 0])],
  ['audio/wav', head('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
  ['audio/flac', head('fLaC', [0, 0, 0, 34])],
  ['audio/ogg', head('OggS', [0, 2])],
  ['audio/webm', head([0x1a, 0x45, 0xdf, 0xa3], [0x9f])],
  ['audio/mp4', head([0, 0, 0, 0x20], 'ftypM4A ')],
  ['audio/mpeg', head('ID3', [4, 0, 0])],
  ['audio/mpeg', head([0xff, 0xfb, 0x90, 0x64])],
];

describe('executor media', () => {
  for (const [type, bytes] of SAMPLES) {
    it(`sniffs ${type} from ${bytes.subarray(0, 4).toString('hex')}…`, () => {
      assert.equal(sniffMediaType(bytes)?.type, type);
    });
  }

  it('finds nothing in text bytes', () => {
    assert.equal(sniffMediaType(Buffer.from('hello world')), undefined);
  });

  it('decodes base64 and data: URIs into the same bytes', async () => {
    const png = SAMPLES[0][1];
    const a = await readMedia(png.toString('base64'), 'image');
    const b = await readMedia(`data:image/png;base64,${png.toString('base64')}`, 'image');
    const c = await readMedia(png.toString('base64url'), 'image');
    for (const m of [a, b, c]) {
      assert.deepEqual(Buffer.from(m.body as Uint8Array), png);
      assert.equal(m.contentType, 'image/png');
    }
  });

  it('keeps bytes and Blobs as given (no copy) and sniffs them', async () => {
    const wav = SAMPLES[6][1];
    const m = await readMedia(wav, 'audio');
    assert.equal(m.body, wav);
    const blob = new Blob([wav]);
    const n = await readMedia(blob, 'audio');
    assert.equal(n.body, blob);
    assert.equal(n.contentType, 'audio/wav');
    assert.equal(n.size, wav.length);
  });

  it('uses the data: URI type, then octet-stream, for bytes it does not recognize', async () => {
    // An ICO header: binary, and no format the sniffer knows (a format it does not list may still be media).
    const raw = head([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0]).toString('base64');
    assert.equal((await readMedia(`data:image/x-custom;base64,${raw}`, 'image')).contentType, 'image/x-custom');
    assert.equal((await readMedia(raw, 'image')).contentType, 'application/octet-stream');
  });

  it('refuses text and documents or archives given as media, however they are given, and names what they hold', async () => {
    const notes = Buffer.from('Meeting notes — café at 10:00.\nBring the photos.\n');
    const zip = head('PK', [3, 4, 20, 0, 0, 0, 0, 0], 'photo.png');
    const pdf = head('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3]);
    const text = { code: 'INVALID_INPUT', field: '/image', message: 'Invalid input: image holds text, not an image.' };
    await assert.rejects(readMedia(notes, 'image'), text);
    await assert.rejects(readMedia(notes.toString('base64'), 'image'), text);
    await assert.rejects(readMedia(`data:image/png;base64,${notes.toString('base64')}`, 'image'), text);
    await assert.rejects(readMedia(new Blob([notes]), 'image'), text);
    await assert.rejects(readMedia(Buffer.from('\ufeff# transcript\r\n\tnothing here'), 'audio'), { field: '/audio', message: 'Invalid input: audio holds text, not audio.' });
    await assert.rejects(readMedia(zip, 'image'), { code: 'INVALID_INPUT', message: 'Invalid input: image holds a document or archive (application/zip), not an image.' });
    await assert.rejects(readMedia(pdf.toString('base64'), 'audio'), { code: 'INVALID_INPUT', message: 'Invalid input: audio holds a document or archive (application/pdf), not audio.' });
    await assert.rejects(readMedia(head([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), 'image'), { message: /\(application\/gzip\)/ });
  });

  it('tells text and archives from media, and from binary it does not know', () => {
    assert.equal(sniffNotMedia(Buffer.from('hello world')), 'text');
    // A multi-byte character cut at the end of the head is still text.
    assert.equal(sniffNotMedia(Buffer.from('café café café').subarray(0, 4)), 'text');
    assert.equal(sniffNotMedia(head('PK', [5, 6], new Array(18).fill(0))), 'application/zip');
    assert.equal(sniffNotMedia(head('Rar!', [0x1a, 0x07, 0x01, 0x00])), 'application/vnd.rar');
    assert.equal(sniffNotMedia(head([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4])), 'application/x-7z-compressed');
    for (const [type, bytes] of SAMPLES) assert.equal(sniffNotMedia(bytes), undefined, type);
    // GIF and ID3 heads can be all printable: they are media first.
    assert.equal(sniffNotMedia(Buffer.from('GIF89aAA')), undefined);
    for (const binary of [[0, 0, 1, 0, 1, 0], [0xff, 0xf1, 0x50, 0x80], [0, 0, 0, 0x1c], [0x80, 0x81], [0x7f, 0x45, 0x4c, 0x46, 2, 1]]) {
      assert.equal(sniffNotMedia(Uint8Array.from(binary)), undefined, Buffer.from(binary).toString('hex'));
    }
    assert.equal(sniffNotMedia(new Uint8Array(0)), undefined);
  });

  it('refuses empty, non-base64, non-base64 data: URIs and the wrong kind of media', async () => {
    await assert.rejects(readMedia('', 'image'), { code: 'INVALID_INPUT', field: '/image', message: /image is empty/ });
    await assert.rejects(readMedia('***not base64***', 'image'), { code: 'INVALID_INPUT', message: /not base64/ });
    await assert.rejects(readMedia('data:text/plain,hello', 'audio'), { code: 'INVALID_INPUT', field: '/audio', message: /not base64-encoded/ });
    await assert.rejects(readMedia(new Uint8Array(0), 'audio'), { code: 'INVALID_INPUT', message: /audio is empty/ });
    await assert.rejects(readMedia(SAMPLES[6][1], 'image'), { code: 'INVALID_INPUT', message: /image holds audio data \(audio\/wav\), not an image/ });
    await assert.rejects(readMedia(SAMPLES[0][1].toString('base64'), 'audio'), { code: 'INVALID_INPUT', message: /audio holds image data/ });
    await assert.rejects(readMedia(42 as never, 'image'), { code: 'INVALID_INPUT' });
  });
});
