import { strict as assert } from 'node:assert';
import { csvCell, reportCsv, reportJson, reportRow, toCsv } from '../../src/extension/batchReport';
import type { FileOutcome } from '../../src/extension/fileBatch';
import { parseCsv } from '../support/csv';

const ok = (output: unknown): FileOutcome<string, unknown> => ({ file: 'f', status: 'ok', output, ms: 1 });

describe('batch reports', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(toCsv(['a', 'b'], [['1', 'x,y']]), 'a,b\r\n1,"x,y"\r\n');
  });

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(csvCell(evil)[evil.includes('"') || evil.includes('\r') ? 1 : 0], "'", evil);
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('=A1,"x"'), `"'=A1,""x"""`);
    assert.equal(csvCell('a=1'), 'a=1');
  });

  it('writes one row per file: top label and score, text, or the error', () => {
    const rows = [
      reportRow('classification', 'a.png', ok({ classes: [{ label: 'tabby', score: 0.1 }, { label: 'cheetah', score: 0.9 }] })),
      reportRow('classification', 'sub/b, "c".png', { file: 'x', status: 'failed', error: 'HTTP 500: boom', thrown: undefined, ms: 1 }),
      reportRow('classification', 'c.png', { file: 'x', status: 'cancelled' }),
      reportRow('classification', '=evil.png', ok({ classes: [{ label: '@cmd', score: 0.123456789 }] })),
      reportRow('classification', 'e.png', ok({ classes: [] })),
    ];
    const table = parseCsv(reportCsv('classification', rows));
    assert.deepEqual(table, [
      ['file', 'label', 'score', 'error'],
      ['a.png', 'cheetah', '0.9', ''],
      ['sub/b, "c".png', '', '', 'HTTP 500: boom'],
      ['c.png', '', '', 'cancelled (not run)'],
      ["'=evil.png", "'@cmd", '0.123457', ''],
      ['e.png', '', '', 'no labels'],
    ]);
  });

  it('writes captions and transcripts with their line breaks intact', () => {
    const rows = [reportRow('text', 'a.wav', ok({ text: 'Hello,\nworld "quoted"' })), reportRow('text', 'b.wav', { file: 'b', status: 'failed', error: 'x', thrown: undefined, ms: 1 })];
    assert.deepEqual(parseCsv(reportCsv('text', rows)), [['file', 'text', 'error'], ['a.wav', 'Hello,\nworld "quoted"', ''], ['b.wav', '', 'x']]);
  });

  it('writes JSON with the counts and every row', () => {
    const outcomes: FileOutcome<string, unknown>[] = [ok({ text: 'hi' }), { file: 'b', status: 'failed', error: 'x', thrown: undefined, ms: 1 }, { file: 'c', status: 'cancelled' }];
    const rows = outcomes.map((o, i) => reportRow('text', `${i}.wav`, o));
    const json = JSON.parse(reportJson({ task: 'TASK_SPEECH_RECOGNITION', model: 'm', folder: 'file:///x', startedAt: 't', durationMs: 5 }, rows, outcomes));
    assert.deepEqual({ ...json, rows: json.rows.length }, { task: 'TASK_SPEECH_RECOGNITION', model: 'm', folder: 'file:///x', startedAt: 't', durationMs: 5, total: 3, succeeded: 1, failed: 1, cancelled: 1, rows: 3 });
    assert.deepEqual(json.rows[0], { file: '0.wav', text: 'hi' });
  });
});
