import { strict as assert } from 'node:assert';
import { codePointToUtf16, locateAnswer, nonBlankLines, spanToUtf16 } from '../../src/extension/textSpans';

describe('textSpans', () => {
  it('converts the code-point offsets Python servers send into UTF-16 offsets', () => {
    const text = '😀 Sarah lives in Paris';
    // In code points "Sarah" is [2, 7); in UTF-16 the emoji takes two units.
    assert.equal(codePointToUtf16(text, 2), 3);
    assert.deepEqual(spanToUtf16(text, 2, 7), { start: 3, end: 8 });
    assert.equal(text.slice(3, 8), 'Sarah');
    assert.equal(spanToUtf16(text, 5, 2), undefined);
    assert.equal(spanToUtf16(text, -1, 2), undefined);
  });

  it('locates an answer by its span, or by its text when the span does not hold it', () => {
    const context = 'The capital of France is Paris.';
    assert.deepEqual(locateAnswer(context, 'Paris', 25, 30), { start: 25, end: 30 });
    assert.deepEqual(locateAnswer(context, 'Paris', 0, 3), { start: 25, end: 30 });
    assert.deepEqual(locateAnswer(context, ' France '), { start: 15, end: 21 });
    assert.equal(locateAnswer(context, 'Berlin'), undefined);
  });

  it('lists non-blank lines with their trimmed offsets', () => {
    const text = '  first \r\n\nsecond\n   \nthird';
    const lines = nonBlankLines(text);
    assert.deepEqual(lines.map((l) => l.text), ['first', 'second', 'third']);
    for (const l of lines) assert.equal(text.slice(l.start, l.end), l.text);
  });
});
