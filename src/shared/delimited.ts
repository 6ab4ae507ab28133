// Tables pasted from spreadsheets (TSV) or CSV files, read into rows of cells, and
// the conversions between the rows a grid edits and the spec's column map.

export type Delimiter = '\t' | ',' | ';';

/** Tab when the first line has one (spreadsheets copy TSV), else comma or semicolon, whichever is more frequent outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === '\t') return '\t';
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** RFC 4180 rows: quoted cells may hold delimiters, doubled quotes and line breaks; a trailing line break adds no row. */
export function parseDelimited(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        cell += c;
        i++;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

export interface Grid {
  header: string[];
  rows: string[][];
}

/** The first row is the header; every row is padded or cut to the header's width. */
export function gridFromRows(rows: string[][]): Grid {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const pad = (r: string[]) => Array.from({ length: width }, (_, i) => r[i] ?? '');
  const [header = [], ...body] = rows;
  return { header: pad(header), rows: body.map(pad) };
}

/** Column names that are unique and never empty ("Column 2", "name (2)"), as the spec's map needs. */
export function uniqueNames(header: string[]): string[] {
  const used = new Set<string>();
  return header.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return name;
  });
}

/** The spec's table: column name → its cells, top to bottom. */
export function gridToColumns(grid: Grid): Record<string, string[]> {
  const names = uniqueNames(grid.header);
  const table: Record<string, string[]> = {};
  names.forEach((name, c) => {
    table[name] = grid.rows.map((r) => r[c] ?? '');
  });
  return table;
}

/** A column map (cells of any JSON type) as a grid of strings; short columns padded. */
export function columnsToGrid(table: Record<string, unknown[]>): Grid {
  const header = Object.keys(table);
  const height = Math.max(0, ...header.map((h) => (Array.isArray(table[h]) ? table[h].length : 0)));
  const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const rows = Array.from({ length: height }, (_, r) => header.map((h) => (Array.isArray(table[h]) ? cell(table[h][r]) : '')));
  return { header, rows };
}
