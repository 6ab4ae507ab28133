// Token classification: the input text with each entity tinted by its label's
// colour and tagged, a legend of label chips that show or hide a label, and the
// entities listed with their scores.
import { assignColors, entityType } from '../../shared/labelColors';
import { entitySpans, splitBySpans } from '../../shared/spans';
import { button, h } from '../dom';
import { score } from '../format';
import { colorClass } from '../colors';
import { isObj, list, num, str, type ViewContext } from './types';

export function entitiesView({ input, output }: ViewContext): HTMLElement {
  const text = str(input.inputs);
  const results = list(isObj(output) ? output.results : undefined).filter(isObj);
  const spans = entitySpans(text, results);
  // Entities that could not be placed in the text (no offsets, no text) are still listed.
  const rows = spans.length
    ? spans.map((s) => ({ word: text.slice(s.start, s.end), label: s.label, score: s.score }))
    : results.map((r) => ({ word: str(r.word), label: str(r.entity_group), score: num(r.score) }));
  const colors = assignColors(rows.map((r) => r.label), entityType);
  const hidden = new Set<string>();

  const body = h(
    'p',
    { class: 'entity-text output-text' },
    ...splitBySpans(text, spans).map((piece) =>
      piece.span
        ? h(
            'mark',
            { class: `entity ${colorClass(colors.get(piece.span.label) ?? 0)}`, attrs: { 'data-label': entityType(piece.span.label), title: `${piece.span.label} ${score(piece.span.score)}` } },
            h('span', { class: 'entity-word' }, piece.text),
            h('span', { class: 'entity-tag' }, piece.span.label),
          )
        : piece.text,
    ),
  );
  const types = [...new Set(spans.map((s) => entityType(s.label)))];
  const legend = h(
    'div',
    { class: 'legend', attrs: { role: 'toolbar', 'aria-label': 'Entity types' } },
    ...types.map((type) => {
      const count = spans.filter((s) => entityType(s.label) === type).length;
      const chip = button({
        label: `${type} (${count})`,
        class: `chip-toggle ${colorClass(colors.get(spans.find((s) => entityType(s.label) === type)!.label) ?? 0)}`,
        onClick: () => {
          if (hidden.has(type)) hidden.delete(type);
          else hidden.add(type);
          chip.setAttribute('aria-pressed', String(!hidden.has(type)));
          for (const mark of body.querySelectorAll<HTMLElement>('mark.entity')) mark.classList.toggle('muted-entity', hidden.has(mark.dataset.label ?? ''));
        },
      });
      chip.setAttribute('aria-pressed', 'true');
      return chip;
    }),
  );
  const table = rows.length
    ? h(
        'table',
        { class: 'entity-list' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Entity'), h('th', {}, 'Label'), h('th', {}, 'Score'))),
        h('tbody', {}, ...rows.map((r) => h('tr', {}, h('td', {}, r.word), h('td', {}, h('span', { class: `chip ${colorClass(colors.get(r.label) ?? 0)}` }, r.label)), h('td', { class: 'num' }, score(r.score))))),
      )
    : h('p', { class: 'empty' }, 'No entities found.');
  return h('div', { class: 'entities-view' }, legend, body, table);
}
