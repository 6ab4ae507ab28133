// Ranked rows with proportional bars: every classification-style result (text,
// image, audio, fill-mask, zero-shot, sentence similarity). Detection and
// segmentation reuse the rows with a colour swatch.
import { h } from '../dom';
import { score } from '../format';
import { colorClass } from '../colors';
import { mediaUrl } from '../media';
import { isObj, list, num, str, type Obj, type ViewContext } from './types';

export interface RankedRow {
  label: string;
  score?: number;
  /** A second line (fill-mask: the completed sentence). */
  detail?: string;
  /** Palette slot, for views that colour labels. */
  slot?: number;
}

/** The rows of a classification-style output, best first. */
export function rankedRows({ task, input, output }: ViewContext): RankedRow[] {
  const o = isObj(output) ? output : {};
  const pairs = (items: unknown[]) => items.filter(isObj).map((i) => ({ label: str(i.label), score: num(i.score) }));
  let rows: RankedRow[];
  switch (task.id) {
    case 'TASK_FILL_MASK':
      rows = list(o.results).filter(isObj).map((r) => ({ label: str(r.token_str), score: num(r.score), detail: str(r.sequence) }));
      break;
    case 'TASK_ZERO_SHOT_CLASSIFICATION': {
      const scores = list(o.scores);
      rows = list(o.labels).map((label, i) => ({ label: str(label), score: num(scores[i]) }));
      break;
    }
    case 'TASK_SENTENCE_SIMILARITY': {
      const sentences = list((input.inputs as Obj | undefined)?.sentences);
      rows = list(o.scores).map((s, i) => ({ label: str(sentences[i]) || `Sentence ${i + 1}`, score: num(s) }));
      break;
    }
    case 'TASK_TEXT_CLASSIFICATION':
      rows = pairs(list(o.results));
      break;
    default:
      rows = pairs(list(o.classes));
  }
  return rows.sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity));
}

export function rankedRow(row: RankedRow, top: boolean): HTMLLIElement {
  const fraction = Math.max(0, Math.min(1, row.score ?? 0));
  const bar = h('div', { class: 'bar' });
  bar.style.width = `${(fraction * 100).toFixed(1)}%`;
  return h(
    'li',
    { class: `ranked-row${top ? ' top' : ''}${row.slot !== undefined ? ` ${colorClass(row.slot)}` : ''}`, attrs: { tabindex: '0' } },
    h(
      'div',
      { class: 'row-head' },
      row.slot !== undefined ? h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }) : null,
      h('span', { class: 'row-label' }, row.label || '(no label)'),
      h('span', { class: 'row-score' }, score(row.score)),
    ),
    h('div', { class: 'bar-track', attrs: { role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '1', 'aria-valuenow': String(row.score ?? 0), 'aria-label': `${row.label}: ${score(row.score)}` } }, bar),
    row.detail ? h('div', { class: 'row-detail' }, row.detail) : null,
  );
}

export function rankedList(rows: RankedRow[], label = 'Results'): HTMLOListElement {
  return h('ol', { class: 'ranked', attrs: { 'aria-label': label } }, ...rows.map((r, i) => rankedRow(r, i === 0)));
}

export function rankedView(ctx: ViewContext): HTMLElement {
  const rows = rankedRows(ctx);
  if (!rows.length) return h('p', { class: 'empty' }, 'No results.');
  const intro = ctx.task.id === 'TASK_SENTENCE_SIMILARITY' ? h('p', { class: 'source' }, h('span', { class: 'muted' }, 'Compared with: '), str((ctx.input.inputs as Obj | undefined)?.source_sentence)) : null;
  // Image and audio classification show what was classified beside the scores.
  const media = ctx.task.mediaField && ctx.input.media?.base64 ? ctx.input.media : undefined;
  const shown =
    media && ctx.task.mediaField === 'image'
      ? h('img', { class: 'stage-image small', attrs: { src: mediaUrl(media, 'image'), alt: media.name } })
      : media
        ? h('audio', { class: 'player', attrs: { controls: '', src: mediaUrl(media, 'audio'), 'aria-label': `Play ${media.name}` } })
        : null;
  return h('div', { class: `ranked-view${shown ? ' beside' : ''}` }, shown, h('div', {}, intro, rankedList(rows)));
}
