// Markdown blocks (from the shared reader) built as DOM nodes: text through text
// nodes only, links only with the safe hrefs the reader let through.
import type { Block, Inline } from '../../shared/markdown';
import { append, h } from '../dom';

function inline(nodes: Inline[]): Node[] {
  return nodes.map((n): Node => {
    switch (n.kind) {
      case 'text':
        return h('span', {}, n.text);
      case 'code':
        return h('code', {}, n.text);
      case 'strong':
        return h('strong', {}, ...inline(n.children));
      case 'em':
        return h('em', {}, ...inline(n.children));
      case 'link':
        // The href shows in the tooltip, so where a link goes is never hidden behind its text.
        return h('a', { attrs: { href: n.href, title: n.href, rel: 'noopener noreferrer' } }, ...inline(n.children));
      case 'break':
        return h('br');
    }
  });
}

function block(b: Block): Node {
  switch (b.kind) {
    case 'paragraph':
      return h('p', {}, ...inline(b.inline));
    case 'heading':
      return h(`h${Math.min(6, Math.max(1, b.level))}` as 'h1', {}, ...inline(b.inline));
    case 'code': {
      const code = h('code', {}, b.text);
      if (b.lang) code.setAttribute('data-lang', b.lang);
      return h('pre', { class: 'code-block' }, code);
    }
    case 'list': {
      const items = b.items.map((blocks) => h('li', {}, ...blocks.map(block)));
      const el = b.ordered ? h('ol', {}, ...items) : h('ul', {}, ...items);
      if (b.ordered && b.start !== 1) el.setAttribute('start', String(b.start));
      return el;
    }
    case 'quote':
      return h('blockquote', {}, ...b.blocks.map(block));
    case 'table':
      return h(
        'div',
        { class: 'md-table-wrap' },
        h('table', { class: 'md-table' }, h('thead', {}, h('tr', {}, ...b.header.map((c) => h('th', {}, ...inline(c))))), h('tbody', {}, ...b.rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, ...inline(c))))))),
      );
    case 'rule':
      return h('hr');
  }
}

export function renderMarkdown(target: HTMLElement, blocks: Block[]): void {
  target.replaceChildren();
  append(target, ...blocks.map(block));
}
