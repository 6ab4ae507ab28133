import { strict as assert } from 'node:assert';
import { detectionSvg, escapeXml, labelColours, segmentationSvg } from '../../src/extension/annotation';
import { makeGrayPng, makePng } from '../support/media';

const image = { bytes: makePng(100, 50), contentType: 'image/png' };
const box = (xmin: number, ymin: number, xmax: number, ymax: number) => ({ xmin, ymin, xmax, ymax });
const rects = (svg: string) => [...svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)" fill="none" stroke="(#[0-9a-f]{6})"/g)].map((m) => ({ x: +m[1], y: +m[2], w: +m[3], h: +m[4], colour: m[5] }));
const HOSTILE = ['<script>alert(1)</script>', '"onload="alert(1)', "' onerror='x", '</text><image href="https://evil.example/x.png"/>', 'a\u202eexe.png', '&amp;'];

describe('annotated images (SVG)', () => {
  it('draws the image at its own size with one box per object, in label colours', () => {
    const svg = detectionSvg(image, [
      { label: 'cat', score: 0.98, box: box(0, 0, 49, 49) },
      { label: 'remote', score: 0.8, box: box(50, 25, 99, 49) },
      { label: 'cat', score: 0.7, box: box(10, 10, 20, 20) },
    ]);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="100" height="50" viewBox="0 0 100 50">/);
    assert.match(svg, /<image href="data:image\/png;base64,[A-Za-z0-9+/=]+" x="0" y="0" width="100" height="50"/);
    const boxes = rects(svg);
    assert.deepEqual(boxes.map(({ x, y, w, h }) => [x, y, w, h]), [[0, 0, 49, 49], [50, 25, 49, 24], [10, 10, 10, 10]]);
    assert.equal(boxes[0].colour, boxes[2].colour, 'one colour per label');
    assert.notEqual(boxes[0].colour, boxes[1].colour);
    assert.match(svg, />cat 0\.980</);
    assert.match(svg, />remote 0\.800</);
  });

  it('keeps every box inside the image, whatever the model said', () => {
    const svg = detectionSvg(image, [
      { label: 'a', score: 0.5, box: box(-20, -5, 300, 80) },
      { label: 'b', score: 0.5, box: box(90, 40, 10, 5) },
      { label: 'c', score: 0.5, box: box(Number.NaN, 0, 1, 1) },
    ]);
    const boxes = rects(svg);
    assert.equal(boxes.length, 2, 'a box with no number is left out');
    for (const b of boxes) {
      assert.ok(b.x >= 0 && b.y >= 0 && b.w >= 0 && b.h >= 0, JSON.stringify(b));
      assert.ok(b.x + b.w <= 100 && b.y + b.h <= 50, JSON.stringify(b));
    }
    assert.deepEqual(boxes.map(({ x, y, w, h }) => [x, y, w, h]), [[0, 0, 100, 50], [10, 5, 80, 35]]);
  });

  it('renders hostile labels as inert text', () => {
    const svg = detectionSvg(image, HOSTILE.map((label, i) => ({ label, score: 0.5, box: box(i, i, i + 10, i + 10) })));
    const seg = segmentationSvg(image, HOSTILE.map((label) => ({ label, score: 0.5, mask: `data:image/png;base64,${makeGrayPng(100, 50, () => 255).toString('base64')}` })));
    for (const out of [svg, seg]) {
      assert.ok(!out.includes('<script'), 'no script element');
      const tags = out.match(/<[^>]*>/g) ?? [];
      assert.ok(tags.every((t) => !/onload|onerror/.test(t)), 'no event handler attribute');
      assert.ok(!out.includes('evil.example/x.png"'), 'no injected element');
      assert.ok(!out.includes('\u202e'), 'no bidi override');
      assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(out.includes('&quot;onload=&quot;alert(1)'));
      assert.ok(out.includes('&amp;amp;'));
      // Every tag the SVG opens is one the builder writes.
      const names = new Set([...out.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
      assert.deepEqual([...names].filter((t) => !['svg', 'title', 'image', 'g', 'rect', 'text', 'defs', 'mask'].includes(t)), []);
    }
  });

  it('overlays each segment mask in its label colour, with a legend, and skips masks that are not base64 PNGs', () => {
    const left = `data:image/png;base64,${makeGrayPng(100, 50, (x) => (x < 50 ? 255 : 0)).toString('base64')}`;
    const svg = segmentationSvg(image, [
      { label: 'cat', score: 0.97, mask: left },
      { label: 'wall', score: null, mask: 'javascript:alert(1)' },
      { label: 'cat', score: 0.5, mask: 'data:image/png;base64,AAAA" onload="x' },
    ]);
    assert.equal((svg.match(/<mask id=/g) ?? []).length, 1);
    assert.ok(svg.includes(`<image href="${left}"`));
    assert.match(svg, /<rect x="0" y="0" width="100" height="50" fill="#[0-9a-f]{6}" fill-opacity="0\.5" mask="url\(#m0\)"\/>/);
    assert.ok(!svg.includes('javascript:'));
    assert.ok(!svg.includes('onload'));
    assert.match(svg, />cat 0\.970</);
    assert.match(svg, />wall \(no mask\)</);
    assert.match(svg, /^<svg [^>]*height="(\d+)"/);
    assert.ok(Number(/height="(\d+)"/.exec(svg)![1]) > 50, 'the legend is below the image');
  });

  it('takes the size from the boxes or masks when the image header is unreadable', () => {
    const unknown = { bytes: new TextEncoder().encode('????????????'), contentType: 'image/x-unknown' };
    assert.match(detectionSvg(unknown, [{ label: 'x', score: 1, box: box(0, 0, 31, 15) }]), /viewBox="0 0 32 16"/);
    assert.match(detectionSvg(unknown, [{ label: 'x', score: 1, box: box(0, 0, 31, 15) }]), /href="data:application\/octet-stream;base64,/);
    const mask = `data:image/png;base64,${makeGrayPng(20, 10, () => 255).toString('base64')}`;
    assert.match(segmentationSvg(unknown, [{ label: 'a-long-label-for-the-legend', score: 1, mask }]), /<image href="data:application[^"]*" x="0" y="0" width="20" height="10"/);
  });

  it('gives distinct labels distinct colours, in order of appearance', () => {
    const colours = labelColours(['a', 'b', 'a', 'c']);
    assert.equal(colours.size, 3);
    assert.equal(new Set([...colours.values()].map((c) => c.fill)).size, 3);
    assert.deepEqual(labelColours(['a']).get('a'), colours.get('a'));
    assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
