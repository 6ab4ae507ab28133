// The table of table question answering as an editable grid. Cells copied from a
// spreadsheet (TSV) or CSV text paste in place, growing the grid; "Import" takes
// a whole table with its header row.
import { columnsToGrid, gridFromRows, gridToColumns, parseDelimited, type Grid } from '../../shared/delimited';
import { button, h, uniqueId, setText } from '../dom';
import type { Field, FieldContext, FieldSpec } from './fields';

const emptyGrid = (): Grid => ({ header: ['', ''], rows: [['', ''], ['', '']] });

/** Rows and columns that hold nothing are left out of the value. */
function trimmed(grid: Grid): Grid {
  const keepCol = grid.header.map((name, c) => name.trim() !== '' || grid.rows.some((r) => (r[c] ?? '').trim() !== ''));
  const rows = grid.rows.filter((r) => r.some((cell) => cell.trim() !== '')).map((r) => r.filter((_, c) => keepCol[c]));
  return { header: grid.header.filter((_, c) => keepCol[c]), rows };
}

export function tableField(spec: FieldSpec, ctx: FieldContext): Field {
  let grid = emptyGrid();
  const table = h('table', { class: 'grid', attrs: { role: 'grid', 'aria-label': 'Table' } });
  const problem = h('div', { class: 'field-problem', attrs: { 'aria-live': 'polite' } });
  const importArea = h('textarea', { class: 'textarea import-area', attrs: { rows: '5', spellcheck: 'false', placeholder: 'name,age\nAlice,34\nBob,29', 'aria-label': 'Table as CSV or TSV, header row first' } });
  const importBox = h(
    'div',
    { class: 'import-box' },
    importArea,
    button({
      label: 'Use this table',
      icon: 'check',
      onClick: () => {
        const rows = parseDelimited(importArea.value);
        if (!rows.length) return;
        grid = gridFromRows(rows);
        if (!grid.rows.length) grid.rows.push(grid.header.map(() => ''));
        importBox.hidden = true;
        render();
        ctx.changed();
      },
    }),
  );
  importBox.hidden = true;

  const changed = () => {
    ctx.changed();
    ctx.touched(spec.pointer);
  };

  /** Pastes a block of cells at (row, col); row -1 is the header. */
  const pasteAt = (row: number, col: number, text: string): boolean => {
    const block = parseDelimited(text);
    if (block.length <= 1 && (block[0]?.length ?? 0) <= 1) return false;
    block.forEach((cells, i) => {
      const r = row + i;
      cells.forEach((cell, j) => {
        const c = col + j;
        while (grid.header.length <= c) {
          grid.header.push('');
          grid.rows.forEach((x) => x.push(''));
        }
        while (r >= grid.rows.length) grid.rows.push(grid.header.map(() => ''));
        if (r < 0) grid.header[c] = cell;
        else grid.rows[r][c] = cell;
      });
    });
    render();
    changed();
    return true;
  };

  const cellInput = (row: number, col: number) => {
    const value = row < 0 ? grid.header[col] : grid.rows[row][col];
    const input = h('input', {
      class: `cell${row < 0 ? ' header-cell' : ''}`,
      attrs: { type: 'text', spellcheck: 'false', 'aria-label': row < 0 ? `Column ${col + 1} name` : `Row ${row + 1}, ${grid.header[col] || `column ${col + 1}`}`, 'data-row': String(row), 'data-col': String(col) },
    });
    input.value = value;
    input.addEventListener('input', () => {
      if (row < 0) grid.header[col] = input.value;
      else grid.rows[row][col] = input.value;
      changed();
    });
    input.addEventListener('paste', (e) => {
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (pasteAt(row, col, text)) e.preventDefault();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const below = table.querySelector<HTMLInputElement>(`input[data-row="${row + 1}"][data-col="${col}"]`);
      below?.focus();
    });
    return input;
  };

  function render() {
    const headRow = h('tr', {}, ...grid.header.map((_, c) => h('th', { attrs: { scope: 'col' } }, cellInput(-1, c))));
    const body = grid.rows.map((r, i) =>
      h(
        'tr',
        {},
        ...r.map((_, c) => h('td', {}, cellInput(i, c))),
        h(
          'td',
          { class: 'row-tools' },
          button({
            label: `Remove row ${i + 1}`,
            icon: 'remove',
            iconOnly: true,
            onClick: () => {
              grid.rows.splice(i, 1);
              render();
              changed();
            },
          }),
        ),
      ),
    );
    table.replaceChildren(h('thead', {}, headRow), h('tbody', {}, ...body));
  }

  const toolbar = h(
    'div',
    { class: 'grid-tools' },
    button({
      label: 'Add row',
      icon: 'add',
      class: 'secondary',
      onClick: () => {
        grid.rows.push(grid.header.map(() => ''));
        render();
        changed();
      },
    }),
    button({
      label: 'Add column',
      icon: 'add',
      class: 'secondary',
      onClick: () => {
        grid.header.push('');
        grid.rows.forEach((r) => r.push(''));
        render();
        changed();
      },
    }),
    button({
      label: 'Import CSV/TSV…',
      icon: 'table',
      class: 'secondary import-toggle',
      onClick: () => {
        importBox.hidden = !importBox.hidden;
        if (!importBox.hidden) importArea.focus();
      },
    }),
    button({
      label: 'Clear',
      icon: 'clear-all',
      class: 'secondary',
      onClick: () => {
        grid = emptyGrid();
        render();
        changed();
      },
    }),
  );
  const labelId = uniqueId('table-label');
  table.setAttribute('aria-labelledby', labelId);
  const element = h(
    'div',
    { class: 'field table-field', attrs: { 'data-pointer': spec.pointer } },
    h('div', { class: 'field-head' }, h('span', { class: 'field-label', attrs: { id: labelId } }, 'Table', h('span', { class: 'required', attrs: { 'aria-hidden': 'true' } }, ' *'))),
    toolbar,
    importBox,
    h('div', { class: 'grid-wrap' }, table),
    h('div', { class: 'field-help' }, 'The first row names the columns. Paste cells from a spreadsheet or CSV into any cell.'),
    problem,
  );
  render();

  return {
    pointer: spec.pointer,
    element,
    get: () => gridToColumns(trimmed(grid)),
    set: (v) => {
      grid = v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length ? columnsToGrid(v as Record<string, unknown[]>) : emptyGrid();
      render();
    },
    setProblem: (message) => {
      setText(problem, message ?? '');
      element.classList.toggle('invalid', !!message);
    },
    focus: () => table.querySelector('input')?.focus(),
  };
}

