import { strict as assert } from 'node:assert';
import { sniffMediaType } from '../../src/executor';
import { mediaGlob, mediaKindOf, sizeProblem, sniffProblem } from '../../src/extension/mediaFiles';
import { makeGif, makePng, makeWav } from '../support/media';

describe('media file checks', () => {
  it('tells images from audio by extension, case-insensitively', () => {
    assert.equal(mediaKindOf('/a/b/Cat.JPG'), 'image');
    assert.equal(mediaKindOf('/a/b.tiff'), 'image');
    assert.equal(mediaKindOf('x.m4a'), 'audio');
    assert.equal(mediaKindOf('notes.txt'), undefined);
    assert.equal(mediaKindOf('png'), undefined);
  });

  it('globs every extension in any case', () => {
    const glob = mediaGlob('image');
    assert.ok(glob.startsWith('**/*.{'));
    assert.ok(glob.includes('[pP][nN][gG]'));
    assert.ok(glob.includes('[jJ][pP][eE][gG]'));
    assert.ok(!glob.includes('wav'));
    assert.ok(mediaGlob('audio').includes('[mM]4[aA]'));
  });

  it('refuses empty files and files over the limit by their size alone, naming the setting', () => {
    const limit = 50 * 2 ** 20;
    assert.equal(sizeProblem('a.png', 1000, limit), undefined);
    assert.equal(sizeProblem('a.png', limit, limit), undefined);
    assert.match(sizeProblem('big.wav', 2 * 2 ** 30, limit)!, /^big\.wav is 2048 MB, over the 50 MB limit \(huggingface\.maxMediaMegabytes\); it was not read or sent\.$/);
    assert.match(sizeProblem('e.png', 0, limit)!, /e\.png is empty/);
  });

  it('accepts a file whose first bytes are media of the right kind, with its content type', () => {
    assert.deepEqual(sniffProblem('a.png', makePng(2, 2).subarray(0, 64), 'image', sniffMediaType), { contentType: 'image/png' });
    // The name does not decide: a GIF named .png is sent as the GIF it is.
    assert.deepEqual(sniffProblem('a.png', makeGif(), 'image', sniffMediaType), { contentType: 'image/gif' });
    assert.deepEqual(sniffProblem('a.wav', makeWav(0.1).subarray(0, 64), 'audio', sniffMediaType), { contentType: 'audio/wav' });
  });

  it('refuses a text file, a PDF or audio given as an image with a clear message', () => {
    const text = new TextEncoder().encode('just some notes, not a picture');
    assert.deepEqual(sniffProblem('notes.png', text, 'image', sniffMediaType), { problem: 'notes.png is not an image: its content is not PNG, JPEG, GIF, WebP, BMP or TIFF.' });
    assert.match((sniffProblem('doc.jpg', new TextEncoder().encode('%PDF-1.7'), 'image', sniffMediaType) as { problem: string }).problem, /not an image/);
    assert.deepEqual(sniffProblem('song.png', makeWav(0.1).subarray(0, 64), 'image', sniffMediaType), { problem: 'song.png holds audio (audio/wav), not an image.' });
    assert.match((sniffProblem('x.wav', new Uint8Array(0), 'audio', sniffMediaType) as { problem: string }).problem, /not an audio file: its content is not WAV/);
  });
});
