import { strict as assert } from 'node:assert';
import { shiftRange, shiftRangeThrough } from '../../src/extension/rangeTracking';

describe('rangeTracking', () => {
  const r = { start: 10, end: 20 };

  it('moves a range with edits before it and keeps it through edits after it', () => {
    assert.deepEqual(shiftRange(r, { offset: 0, length: 0, text: 'abc' }), { start: 13, end: 23 });
    assert.deepEqual(shiftRange(r, { offset: 2, length: 8, text: '' }), { start: 2, end: 12 });
    assert.deepEqual(shiftRange(r, { offset: 20, length: 5, text: 'x' }), r);
  });

  it('treats an insertion at the start as before the range and one at the end as after it', () => {
    assert.deepEqual(shiftRange(r, { offset: 10, length: 0, text: 'ab' }), { start: 12, end: 22 });
    assert.deepEqual(shiftRange(r, { offset: 20, length: 0, text: 'ab' }), r);
  });

  it('reports edits that reach inside the range', () => {
    assert.equal(shiftRange(r, { offset: 15, length: 0, text: 'x' }), undefined);
    assert.equal(shiftRange(r, { offset: 5, length: 6, text: '' }), undefined);
    assert.equal(shiftRange(r, { offset: 19, length: 3, text: '' }), undefined);
  });

  it('moves a zero-width point past text inserted at it (streaming), and loses it when deleted around', () => {
    const p = { start: 5, end: 5 };
    assert.deepEqual(shiftRange(p, { offset: 5, length: 0, text: 'hello' }), { start: 10, end: 10 });
    assert.equal(shiftRange(p, { offset: 3, length: 4, text: '' }), undefined);
  });

  it('applies a multi-cursor event in order, and stays lost once lost', () => {
    // VS Code lists a multi-cursor edit's changes from the end of the document backwards.
    assert.deepEqual(shiftRangeThrough(r, [{ offset: 30, length: 0, text: 'x' }, { offset: 0, length: 0, text: 'y' }]), { start: 11, end: 21 });
    assert.equal(shiftRangeThrough(r, [{ offset: 12, length: 1, text: '' }, { offset: 0, length: 0, text: 'y' }]), undefined);
  });
});
