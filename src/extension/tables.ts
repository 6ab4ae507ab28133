// Tables from the editor for table question answering (pure): CSV, TSV or a Markdown
// pipe table, with each cell's offsets kept so that answer cells can be highlighted.

export interface Cell {
  text: string;
  /** Offsets of the cell's text inside the parsed string. */
  start: number;
  end: number;
}

export type TableFormat = 'csv' | 'tsv' | 'markdown';

export interface ParsedTable {
  format: TableFormat;
  header: Cell[];
  rows: Cell[][];
}

export class TableParseError extends Error {}

const MD_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export function parseTable(text: string): ParsedTable {
  const lines = [...text.matchAll(/[^\r\n]*/g)].filter((m) => m[0].trim()).map((m) => ({ text: m[0], offset: m.index }));
  if (lines.length < 2) throw new TableParseError('A table needs a header row and at least one row of data.');
  if (lines[0].text.includes('|') && MD_SEPARATOR.test(lines[1].text)) {
    return finish('markdown', lines.filter((_, i) => i !== 1).map((l) => markdownRow(l.text, l.offset)));
  }
  const firstLine = lines[0].text;
  const delimiter = firstLine.includes('\t') ? '\t' : count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  return finish(delimiter === '\t' ? 'tsv' : 'csv', delimitedRows(text, delimiter));
}

function finish(format: TableFormat, rows: Cell[][]): ParsedTable {
  const [header, ...data] = rows.filter((r) => r.some((c) => c.text !== ''));
  if (!header || data.length === 0) throw new TableParseError('A table needs a header row and at least one row of data.');
  data.forEach((row, i) => {
    if (row.length > header.length) throw new TableParseError(`Row ${i + 1} has ${row.length} cells, but the header has ${header.length}.`);
    // Missing trailing cells (a common spreadsheet export) are empty cells.
    const at = row[row.length - 1]?.end ?? 0;
    while (row.length < header.length) row.push({ text: '', start: at, end: at });
  });
  return { format, header, rows: data };
}

function markdownRow(line: string, offset: number): Cell[] {
  const cells: Cell[] = [];
  // Split on pipes not escaped with a backslash; outer pipes are optional.
  const bounds = [-1];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') bounds.push(i);
  }
  bounds.push(line.length);
  const leadingPipe = line.trimStart().startsWith('|');
  const trailingPipe = line.trimEnd().endsWith('|') && !line.trimEnd().endsWith('\\|');
  for (let b = 0; b + 1 < bounds.length; b++) {
    if ((b === 0 && leadingPipe) || (b === bounds.length - 2 && trailingPipe)) continue;
    const raw = line.slice(bounds[b] + 1, bounds[b + 1]);
    cells.push(trimmedCell(raw.replace(/\\\|/g, '|'), raw, offset + bounds[b] + 1));
  }
  return cells;
}

/** RFC 4180 fields: quotes around a field, `""` for a quote inside one, line breaks inside quotes. */
function delimitedRows(text: string, delimiter: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = 0;
  while (i <= text.length) {
    let cell: Cell;
    let k = i;
    while (text[k] === ' ' || (text[k] === '\t' && delimiter !== '\t')) k++;
    if (text[k] === '"') {
      const start = k + 1;
      let j = start;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new TableParseError(`A quoted cell starting at character ${start} is never closed.`);
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          cell = { text: value, start, end: q };
          break;
        }
      }
      i = j;
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
    } else {
      let j = i;
      while (j < text.length && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      const raw = text.slice(i, j);
      cell = trimmedCell(raw, raw, i);
      i = j;
    }
    row.push(cell);
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    if (i >= text.length) break;
  }
  return rows;
}

function trimmedCell(value: string, raw: string, offset: number): Cell {
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  return { text: value.trim(), start: offset + lead, end: offset + lead + body.length };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The table as TAPAS takes it: column name → the column's cells (strings), names made unique. */
export function tableInput(table: ParsedTable): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  table.header.forEach((cell, col) => {
    const base = cell.text || `Column ${col + 1}`;
    let name = base;
    for (let n = 2; name in out; n++) name = `${base} (${n})`;
    out[name] = table.rows.map((row) => row[col].text);
  });
  return out;
}

/** The cells at the model's `[row, column]` coordinates (rows counted without the header). */
export function cellsAt(table: ParsedTable, coordinates: readonly (readonly number[])[]): Cell[] {
  return coordinates.flatMap(([row, col]) => {
    const cell = table.rows[row]?.[col];
    return cell ? [cell] : [];
  });
}
