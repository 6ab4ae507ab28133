import { strict as assert } from 'node:assert';
import { mediaKindOf, mediaReport } from '../../src/extension/mediaReport';

describe('mediaReport', () => {
  it('tells images from audio by extension, case-insensitively', () => {
    assert.equal(mediaKindOf('/a/b/Cat.JPG'), 'image');
    assert.equal(mediaKindOf('/a/b.tiff'), 'image');
    assert.equal(mediaKindOf('x.m4a'), 'audio');
    assert.equal(mediaKindOf('notes.txt'), undefined);
    assert.equal(mediaKindOf('png'), undefined);
  });

  it('reports classes, objects, segments and transcripts', () => {
    assert.match(mediaReport('Image Classification', 'cat.png', 'm', { classes: [{ label: 'cat', score: 0.9 }] }), /\| cat \| 0\.900 \|/);
    assert.match(mediaReport('Object Detection', 'cat.png', 'm', { objects: [{ label: 'cat', score: 0.99, box: { xmin: 1, ymin: 2, xmax: 3, ymax: 4 } }] }), /\| cat \| 0\.990 \| 1, 2 \| 3, 4 \|/);
    assert.match(mediaReport('Image Segmentation', 'x.png', 'm', { segments: [{ label: 'sky' }] }), /\| sky \| – \|/);
    assert.match(mediaReport('Speech Recognition', 'a.wav', 'm', { text: 'hi there', chunks: [{ text: 'hi there', timestamp: [0, 61.5] }] }), /`0:00\.0–1:01\.5` hi there/);
    assert.match(mediaReport('Image to Text', 'x.png', 'm', { text: 'a cat' }), /a cat\n$/);
    assert.match(mediaReport('Object Detection', 'x.png', 'm', { objects: [] }), /No objects found/);
  });
});
