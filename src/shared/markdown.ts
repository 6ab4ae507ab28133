// A small Markdown reader for chat replies: it turns text into a tree of blocks
// and inline nodes that the webview builds with createElement/textContent. It
// never produces HTML, keeps raw HTML as text, and only lets http(s)/mailto links
// through. Every search is a binary search over positions found in one pass, so
// hostile input (100k characters of `*[` …) stays linear-ish.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'break' };

export type Block =
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'heading'; level: number; inline: Inline[] }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'rule' };

const MAX_BLOCK_DEPTH = 6;
const MAX_INLINE_DEPTH = 6;

/** The link target if it is safe to follow (http, https, mailto), else undefined. */
export function safeHref(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!/^(https?:|mailto:)/i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// ---- blocks -----------------------------------------------------------------

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const QUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

const isBlank = (line: string) => line.trim() === '';

function isRule(line: string): boolean {
  if (line.length - line.trimStart().length > 3) return false;
  const compact = line.replace(/[ \t]/g, '');
  return compact.length >= 3 && /^(?:-+|\*+|_+)$/.test(compact);
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || LIST_ITEM.test(line) || isRule(line);
}

function tableCells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (s[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += s[i];
  }
  cells.push(cell.trim());
  return cells;
}

function parseLines(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      // An unclosed fence (a reply still streaming) runs to the end.
      const closes = (l: string) => {
        const t = l.trim();
        return t.length >= marker.length && [...t].every((ch) => ch === marker[0]);
      };
      while (i < lines.length && !closes(lines[i])) body.push(lines[i++]);
      i++;
      blocks.push({ kind: 'code', lang: fence[2].trim().split(/\s/)[0] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      let content = line.slice(heading[0].length).trimEnd();
      let end = content.length;
      while (end > 0 && content[end - 1] === '#') end--;
      if (end === 0 || content[end - 1] === ' ') content = content.slice(0, end).trimEnd();
      blocks.push({ kind: 'heading', level: heading[1].length, inline: parseInline(content) });
      i++;
      continue;
    }
    if (isRule(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) body.push(lines[i++].replace(QUOTE, ''));
      blocks.push(depth < MAX_BLOCK_DEPTH ? { kind: 'quote', blocks: parseLines(body, depth + 1) } : { kind: 'paragraph', inline: parseInline(body.join('\n')) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2]);
      const start = ordered ? Number.parseInt(item[2], 10) : 1;
      // Lines indented at least this much belong inside the current item (nested lists included).
      const contentIndent = Math.max(2, item[1].length + item[2].length + 1);
      const indentOf = (l: string) => l.length - l.trimStart().length;
      const sibling = (l: string) => {
        const m = LIST_ITEM.exec(l);
        return m && /\d/.test(m[2]) === ordered && m[1].length < contentIndent ? m : undefined;
      };
      const items: string[][] = [];
      while (i < lines.length) {
        const m = sibling(lines[i]);
        if (m) {
          items.push([lines[i].slice(m[0].length)]);
          i++;
          continue;
        }
        const current = items[items.length - 1];
        if (!isBlank(lines[i]) && indentOf(lines[i]) >= contentIndent) {
          current.push(lines[i].slice(Math.min(indentOf(lines[i]), contentIndent)));
          i++;
          continue;
        }
        // A blank line inside the list when the list (or the item) goes on after it.
        if (isBlank(lines[i]) && i + 1 < lines.length && (sibling(lines[i + 1]) || (!isBlank(lines[i + 1]) && indentOf(lines[i + 1]) >= contentIndent))) {
          current.push('');
          i++;
          continue;
        }
        if (!isBlank(lines[i]) && !startsBlock(lines[i]) && current.at(-1) !== '') {
          // A lazy continuation line of the item's paragraph.
          current.push(lines[i++]);
          continue;
        }
        break;
      }
      const parsed = items.map((body) => (depth < MAX_BLOCK_DEPTH ? parseLines(body, depth + 1) : [{ kind: 'paragraph', inline: parseInline(body.join('\n')) } as Block]));
      blocks.push({ kind: 'list', ordered, start, items: parsed });
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]) && lines[i + 1].includes('-')) {
      const header = tableCells(line);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && !isBlank(lines[i]) && lines[i].includes('|')) {
        const cells = tableCells(lines[i++]);
        rows.push(header.map((_, c) => parseInline(cells[c] ?? '')));
      }
      blocks.push({ kind: 'table', header: header.map((h) => parseInline(h)), rows });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && !isBlank(lines[i]) && (body.length === 0 || !startsBlock(lines[i]))) body.push(lines[i++].trim());
    blocks.push({ kind: 'paragraph', inline: parseInline(body.join('\n')) });
  }
  return blocks;
}

export function parseMarkdown(source: string): Block[] {
  return parseLines(source.replace(/\r\n?/g, '\n').split('\n'), 0);
}

// ---- inline -----------------------------------------------------------------

const ESCAPABLE = '\\`*_[]()<>#+-.!|~{}';

/** Sorted positions, searched with a binary search. */
class Positions {
  constructor(private readonly list: number[]) {}
  /** The first position >= `from`, or -1. */
  next(from: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.list.length ? this.list[lo] : -1;
  }
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Everything the inline scanner searches for, found in one pass over the text. */
class Index {
  private readonly chars = new Map<string, Positions>();
  /** Runs of backticks by length; runs of `*`/`_` usable as closers by char+length. */
  private readonly ticks = new Map<number, number[]>();
  private readonly closers = new Map<string, number[]>();
  readonly runLength: number[];

  constructor(text: string) {
    this.runLength = new Array<number>(text.length).fill(0);
    const lists = new Map<string, number[]>([[']', []], [')', []], ['>', []]]);
    for (let i = 0; i < text.length; ) {
      const c = text[i];
      lists.get(c)?.push(i);
      if (c === '`' || c === '*' || c === '_') {
        let j = i;
        while (j < text.length && text[j] === c) j++;
        const n = j - i;
        this.runLength[i] = n;
        if (c === '`') push(this.ticks, n, i);
        else if (!isSpace(text[i - 1]) && !(c === '_' && isWordChar(text[j]))) push(this.closers, `${c}${n}`, i);
        i = j;
      } else i++;
    }
    for (const [c, list] of lists) this.chars.set(c, new Positions(list));
  }

  nextChar(c: string, from: number): number {
    return this.chars.get(c)!.next(from);
  }

  nextTicks(n: number, from: number): number {
    return new Positions(this.ticks.get(n) ?? []).next(from);
  }

  nextCloser(c: string, n: number, from: number): number {
    return new Positions(this.closers.get(`${c}${n}`) ?? []).next(from);
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  const emit = (node: Inline) => {
    flush();
    out.push(node);
  };
  if (depth > MAX_INLINE_DEPTH) return [{ kind: 'text', text }];
  const index = new Index(text);

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && ESCAPABLE.includes(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      emit({ kind: 'break' });
      i++;
      continue;
    }
    if (c === '`') {
      const n = index.runLength[i];
      const close = index.nextTicks(n, i + n);
      if (close < 0) {
        buffer += text.slice(i, i + n);
        i += n;
        continue;
      }
      let code = text.slice(i + n, close).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
      emit({ kind: 'code', text: code });
      i = close + n;
      continue;
    }
    if (c === '*' || c === '_') {
      const run = index.runLength[i];
      const n = Math.min(run, 3);
      const opens = !isSpace(text[i + run]) && !(c === '_' && isWordChar(text[i - 1]));
      const close = opens && run <= 3 ? index.nextCloser(c, n, i + n + 1) : -1;
      if (close < 0) {
        buffer += text.slice(i, i + run);
        i += run;
        continue;
      }
      const inner = parseInline(text.slice(i + n, close), depth + 1);
      emit(n === 1 ? { kind: 'em', children: inner } : n === 2 ? { kind: 'strong', children: inner } : { kind: 'strong', children: [{ kind: 'em', children: inner }] });
      i = close + n;
      continue;
    }
    if (c === '[') {
      const closeBracket = index.nextChar(']', i + 1);
      if (closeBracket > 0 && text[closeBracket + 1] === '(') {
        const closeParen = index.nextChar(')', closeBracket + 2);
        const target = closeParen > 0 ? text.slice(closeBracket + 2, closeParen) : '';
        const href = closeParen > 0 && !/[\s<>]/.test(target.trim()) ? safeHref(target) : undefined;
        if (href) {
          emit({ kind: 'link', href, children: parseInline(text.slice(i + 1, closeBracket), depth + 1) });
          i = closeParen + 1;
          continue;
        }
      }
      buffer += c;
      i++;
      continue;
    }
    if (c === '<') {
      // Autolinks <https://…>; any other angle bracket (HTML included) stays text.
      const close = index.nextChar('>', i + 1);
      const href = close > 0 && !/\s/.test(text.slice(i + 1, close)) ? safeHref(text.slice(i + 1, close)) : undefined;
      if (href) {
        emit({ kind: 'link', href, children: [{ kind: 'text', text: text.slice(i + 1, close) }] });
        i = close + 1;
        continue;
      }
      buffer += c;
      i++;
      continue;
    }
    buffer += c;
    i++;
  }
  flush();
  return out;
}
