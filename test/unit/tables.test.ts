import { strict as assert } from 'node:assert';
import { cellsAt, parseTable, tableInput, TableParseError } from '../../src/extension/tables';

describe('tables: parseTable', () => {
  const cellText = (text: string, c: { start: number; end: number }) => text.slice(c.start, c.end);

  it('reads CSV with quotes, escaped quotes and line breaks inside quotes, keeping cell offsets', () => {
    const text = 'Repository,Stars,Note\r\nTransformers,36542,"the ""big"" one"\nDatasets,4512,"two\nlines"\n';
    const t = parseTable(text);
    assert.equal(t.format, 'csv');
    assert.deepEqual(t.header.map((c) => c.text), ['Repository', 'Stars', 'Note']);
    assert.deepEqual(t.rows.map((r) => r.map((c) => c.text)), [['Transformers', '36542', 'the "big" one'], ['Datasets', '4512', 'two\nlines']]);
    assert.equal(cellText(text, t.rows[0][1]), '36542');
    assert.equal(cellText(text, t.rows[0][2]), 'the ""big"" one');
    assert.equal(cellText(text, t.rows[1][0]), 'Datasets');
  });

  it('reads TSV, and semicolon CSV (as spreadsheets export it)', () => {
    const tsv = parseTable('a\tb\n1\t2\n');
    assert.equal(tsv.format, 'tsv');
    assert.deepEqual(tsv.rows[0].map((c) => c.text), ['1', '2']);
    const semi = parseTable('name;price\nbread;1,20\n');
    assert.deepEqual(semi.rows[0].map((c) => c.text), ['bread', '1,20']);
  });

  it('reads a Markdown table with or without outer pipes, escaped pipes and alignment rows', () => {
    const text = '| Repo | Stars |\n| :--- | ---: |\n| Transformers | 36542 |\n| a \\| b | 7 |\n';
    const t = parseTable(text);
    assert.equal(t.format, 'markdown');
    assert.deepEqual(t.header.map((c) => c.text), ['Repo', 'Stars']);
    assert.deepEqual(t.rows.map((r) => r.map((c) => c.text)), [['Transformers', '36542'], ['a | b', '7']]);
    assert.equal(cellText(text, t.rows[0][1]), '36542');
    const bare = parseTable('Repo | Stars\n--- | ---\nX | 1');
    assert.deepEqual(bare.rows[0].map((c) => c.text), ['X', '1']);
  });

  it('trims spaces around unquoted cells, pads short rows, skips blank lines', () => {
    const text = 'a, b ,c\n\n 1 ,2\n';
    const t = parseTable(text);
    assert.deepEqual(t.header.map((c) => c.text), ['a', 'b', 'c']);
    assert.deepEqual(t.rows[0].map((c) => c.text), ['1', '2', '']);
    assert.equal(cellText(text, t.rows[0][0]), '1');
  });

  it('says what is wrong with text that is not a table', () => {
    assert.throws(() => parseTable('just one line'), TableParseError);
    assert.throws(() => parseTable('a,b\n1,2,3'), /Row 1 has 3 cells, but the header has 2/);
    assert.throws(() => parseTable('a,b\n"never closed,2'), /never closed/);
  });

  it('gives TAPAS unique column names and string cells, and finds answer cells by coordinates', () => {
    const t = parseTable('name,name,\nx,y,z\n');
    assert.deepEqual(tableInput(t), { name: ['x'], 'name (2)': ['y'], 'Column 3': ['z'] });
    assert.deepEqual(cellsAt(t, [[0, 1], [5, 5]]).map((c) => c.text), ['y']);
  });
});
