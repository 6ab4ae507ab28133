// Table question answering: the answer with its aggregator chip, and the table
// with the answer's cells highlighted ("No matches" when none).
import { columnsToGrid } from '../../shared/delimited';
import { h } from '../dom';
import { isObj, list, str, type ViewContext } from './types';

export function tableAnswerView({ input, output }: ViewContext): HTMLElement {
  const o = isObj(output) ? output : {};
  const inputs = isObj(input.inputs) ? input.inputs : {};
  const grid = isObj(inputs.table) ? columnsToGrid(inputs.table as Record<string, unknown[]>) : { header: [], rows: [] };
  const hits = new Set(list(o.coordinates).filter((c): c is number[] => Array.isArray(c) && c.length === 2).map(([r, c]) => `${r},${c}`));
  const answer = str(o.answer);
  const aggregator = str(o.aggregator);
  const empty = !answer && hits.size === 0;
  const table = h(
    'table',
    { class: 'grid answer-grid', attrs: { 'aria-label': 'Table with the answer cells highlighted' } },
    h('thead', {}, h('tr', {}, ...grid.header.map((name) => h('th', { attrs: { scope: 'col' } }, name)))),
    h(
      'tbody',
      {},
      ...grid.rows.map((row, r) =>
        h('tr', {}, ...row.map((cell, c) => (hits.has(`${r},${c}`) ? h('td', { class: 'answer-cell', attrs: { 'aria-label': `${cell} (answer)` } }, cell) : h('td', {}, cell)))),
      ),
    ),
  );
  return h(
    'div',
    { class: 'table-answer-view' },
    h(
      'div',
      { class: 'answer-head' },
      empty ? h('span', { class: 'answer-text muted' }, 'No matches') : h('span', { class: 'answer-text output-text' }, answer),
      aggregator && aggregator !== 'NONE' ? h('span', { class: 'chip aggregator-chip', attrs: { title: 'Aggregator' } }, aggregator) : null,
    ),
    h('p', { class: 'qa-question muted' }, str(inputs.query)),
    grid.header.length ? h('div', { class: 'grid-wrap' }, table) : null,
  );
}
