// The chat's Markdown reader: what it recognises, and that hostile text stays text.
import * as assert from 'node:assert/strict';
import { parseInline, parseMarkdown, safeHref, type Block, type Inline } from '../../src/shared/markdown';

/** All text a tree would show, and every href it would link to. */
function flatten(blocks: Block[]): { text: string; hrefs: string[] } {
  const hrefs: string[] = [];
  const inl = (nodes: Inline[]): string =>
    nodes
      .map((n) => {
        if (n.kind === 'text' || n.kind === 'code') return n.text;
        if (n.kind === 'break') return '\n';
        if (n.kind === 'link') hrefs.push(n.href);
        return inl(n.children);
      })
      .join('');
  const blk = (b: Block): string => {
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        return inl(b.inline);
      case 'code':
        return b.text;
      case 'list':
        return b.items.map((i) => i.map(blk).join('\n')).join('\n');
      case 'quote':
        return b.blocks.map(blk).join('\n');
      case 'table':
        return [b.header, ...b.rows].map((r) => r.map(inl).join('|')).join('\n');
      case 'rule':
        return '---';
    }
  };
  return { text: blocks.map(blk).join('\n'), hrefs };
}

describe('panel Markdown reader', () => {
  it('reads paragraphs, headings, emphasis, code spans and fenced code', () => {
    const blocks = parseMarkdown('# Title\n\nSome **bold**, *em*, ***both*** and `co*de*`.\n\n```ts\nconst a = 1 < 2;\n```\n');
    assert.equal(blocks[0].kind, 'heading');
    assert.deepEqual(blocks[2], { kind: 'code', lang: 'ts', text: 'const a = 1 < 2;' });
    const p = blocks[1] as Extract<Block, { kind: 'paragraph' }>;
    assert.deepEqual(p.inline, [
      { kind: 'text', text: 'Some ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'bold' }] },
      { kind: 'text', text: ', ' },
      { kind: 'em', children: [{ kind: 'text', text: 'em' }] },
      { kind: 'text', text: ', ' },
      { kind: 'strong', children: [{ kind: 'em', children: [{ kind: 'text', text: 'both' }] }] },
      { kind: 'text', text: ' and ' },
      { kind: 'code', text: 'co*de*' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('reads lists (nested, ordered with a start), quotes, rules and tables', () => {
    const blocks = parseMarkdown('- one\n- two\n  - nested\n\n3. three\n4. four\n\n> quoted\n> text\n\n---\n\n| a | b |\n|---|:-:|\n| 1 | `2` |\n');
    assert.deepEqual(blocks.map((b) => b.kind), ['list', 'list', 'quote', 'rule', 'table']);
    const [ul, ol] = blocks as Extract<Block, { kind: 'list' }>[];
    assert.equal(ul.items.length, 2);
    assert.equal(ul.items[1][1].kind, 'list');
    assert.equal(ol.ordered, true);
    assert.equal(ol.start, 3);
    const table = blocks[4] as Extract<Block, { kind: 'table' }>;
    assert.equal(table.rows.length, 1);
    assert.deepEqual(table.rows[0][1], [{ kind: 'code', text: '2' }]);
  });

  it('keeps an unclosed fence (a reply still streaming) as code', () => {
    assert.deepEqual(parseMarkdown('```py\nprint(1)'), [{ kind: 'code', lang: 'py', text: 'print(1)' }]);
  });

  it('links only http, https and mailto; javascript:, data:, vbscript: and file: stay text', () => {
    const { hrefs, text } = flatten(parseMarkdown('[ok](https://huggingface.co/x) [mail](mailto:a@b.c) [x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html,<script>alert(1)</script>) [v](vbscript:msgbox) [f](file:///etc/passwd) <https://a.b/c> <javascript:alert(1)>'));
    assert.deepEqual(hrefs, ['https://huggingface.co/x', 'mailto:a@b.c', 'https://a.b/c']);
    assert.match(text, /\[x\]\(javascript:alert\(1\)\)/);
    assert.match(text, /<javascript:alert\(1\)>/);
    assert.equal(safeHref(' java\tscript:alert(1)'), undefined);
    assert.equal(safeHref('https://x.y/"onmouseover="alert(1)'), 'https://x.y/%22onmouseover=%22alert(1)');
  });

  it('keeps HTML as text', () => {
    const source = '<img src=x onerror="window.__pwned=1"> <script>alert(1)</script> <a href="javascript:alert(1)">x</a>';
    const { text, hrefs } = flatten(parseMarkdown(source));
    assert.equal(text, source);
    assert.deepEqual(hrefs, []);
  });

  it('handles escapes and unmatched delimiters literally', () => {
    assert.deepEqual(parseInline('\\*not em\\* and * lone and snake_case_name and 2*3*4'), [{ kind: 'text', text: '*not em* and * lone and snake_case_name and 2' }, { kind: 'em', children: [{ kind: 'text', text: '3' }] }, { kind: 'text', text: '4' }]);
  });

  it('stays fast on hostile input (100k characters of delimiters and brackets)', () => {
    for (const unit of ['*a ', '[', '`', '_x', '** ', '<', '[a](', '> ', '- ', '| ', '#']) {
      const source = unit.repeat(Math.ceil(100_000 / unit.length));
      const started = Date.now();
      const blocks = parseMarkdown(source);
      flatten(blocks);
      assert.ok(Date.now() - started < 1500, `${JSON.stringify(unit)} took ${Date.now() - started} ms`);
      assert.ok(blocks.length > 0);
    }
  });
});
