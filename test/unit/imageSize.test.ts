import { strict as assert } from 'node:assert';
import { imageSize } from '../../src/extension/imageSize';
import { makeBmp, makeGif, makePng, makeTiff, makeWebp } from '../support/media';

/** A baseline JPEG's header up to its SOF0 segment (an APP0 before it, to be skipped). */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof0 = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0]);
}

describe('imageSize', () => {
  it('reads PNG, GIF, BMP, TIFF, WebP and JPEG headers', () => {
    assert.deepEqual(imageSize(makePng(640, 480)), { width: 640, height: 480 });
    assert.deepEqual(imageSize(makeGif()), { width: 1, height: 1 });
    assert.deepEqual(imageSize(makeBmp(7, 5)), { width: 7, height: 5 });
    assert.deepEqual(imageSize(makeTiff()), { width: 1, height: 1 });
    assert.deepEqual(imageSize(makeWebp()), { width: 1, height: 1 });
    assert.deepEqual(imageSize(jpegHeader(1024, 768)), { width: 1024, height: 768 });
  });

  it('gives up on anything it cannot read, without throwing', () => {
    assert.equal(imageSize(new Uint8Array(0)), undefined);
    assert.equal(imageSize(new TextEncoder().encode('not an image at all')), undefined);
    assert.equal(imageSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0, 0, 0, 0, 0])), undefined);
    assert.equal(imageSize(makePng(3, 3).subarray(0, 20)), undefined);
  });
});
