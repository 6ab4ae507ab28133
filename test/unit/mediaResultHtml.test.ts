import { strict as assert } from 'node:assert';
import { resultPageHtml } from '../../src/extension/mediaResultHtml';

const page = (items: Parameters<typeof resultPageHtml>[0]['items']) =>
  resultPageHtml({ title: 'Image Classification: <b>x</b>.png', subtitle: 'Model: m', items, actions: [{ label: 'Copy as JSON', href: 'command:huggingface.copyResultJson?%5B1%5D' }], nonce: 'abc123' });

describe('media result view (HTML)', () => {
  it('has a strict CSP: no scripts, data: images, the one nonce-carrying style sheet', () => {
    const html = page([]);
    assert.ok(html.includes(`content="default-src 'none'; img-src data:; style-src 'nonce-abc123';"`));
    assert.ok(html.includes('<style nonce="abc123">'));
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes('unsafe-inline'));
    assert.ok(!/\sstyle="/.test(html), 'no inline style attributes (the CSP would block them)');
    assert.ok(html.includes('<a href="command:huggingface.copyResultJson?%5B1%5D">Copy as JSON</a>'));
    assert.ok(html.includes('Image Classification: &lt;b&gt;x&lt;/b&gt;.png'));
  });

  it('ranks labels by score and escapes them', () => {
    const html = page([{ name: 'a.png', classes: [{ label: 'low', score: 0.1 }, { label: '<img src=x onerror=alert(1)>', score: 0.9 }] }]);
    assert.ok(html.indexOf('&lt;img src=x onerror=alert(1)&gt;') < html.indexOf('>low<'), 'highest score first');
    assert.ok(!html.includes('<img src=x'));
    assert.match(html, /<meter min="0" max="1" value="0\.9"><\/meter>/);
  });

  it('shows an annotated image as a data: SVG through <img>, objects and segments as tables, errors as text', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
    const html = page([
      { name: 'cat.png', svg, objects: [{ label: 'cat', score: 0.99, box: { xmin: 1, ymin: 2, xmax: 3, ymax: 4 } }], links: [{ label: 'Show in Panel', href: 'command:huggingface.showMediaInPanel?%5B1%2C0%5D' }] },
      { name: 'seg.png', svg, segments: [{ label: 'sky', score: null }] },
      { name: 'bad".png', error: 'bad.png is not an image: <script>' },
    ]);
    assert.ok(html.includes(`src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"`));
    assert.match(html, /<td>cat<\/td><td class="num">0\.990<\/td><td class="num">1, 2, 3, 4<\/td>/);
    assert.match(html, /<td>sky<\/td><td class="num">–<\/td>/);
    assert.ok(html.includes('<h2>cat.png</h2><nav><a href="command:huggingface.showMediaInPanel?%5B1%2C0%5D">Show in Panel</a></nav>'));
    assert.ok(html.includes('<p class="error">bad.png is not an image: &lt;script&gt;</p>'));
    assert.ok(html.includes('<h2>bad&quot;.png</h2>'));
  });
});
