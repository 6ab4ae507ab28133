// What a panel's saved state keeps across a reload: everything, except media too large
// to save (kept in memory only), and older runs' media when the state would be too large.
import * as assert from 'node:assert/strict';
import { persisted, type PanelState, type RunRecord } from '../../src/shared/panelState';

const media = (chars: number) => ({ name: 'cat.png', mime: 'image/png', base64: 'A'.repeat(chars) });
const run = (chars: number, at = 1): RunRecord => ({ at, input: { model: 'm', media: media(chars) }, output: { classes: [] }, durationMs: 5 });
const state = (over: Partial<PanelState>): PanelState => ({ v: 1, task: 'TASK_IMAGE_CLASSIFICATION', history: [], showJson: false, ...over });

describe('panel saved state', () => {
  it('keeps a small state as it is', () => {
    const s = state({ draft: { model: 'm', inputs: 'text' }, current: run(1000), history: [run(1000), run(800, 2)] });
    assert.deepEqual(persisted(s), s);
  });

  it('saves large media by name only, everywhere, and leaves the panel\'s own copy alone', () => {
    const big = run(3_000_000);
    const s = state({ draft: big.input, current: big, history: [big, run(1000, 2)] });
    const saved = persisted(s);
    assert.equal(saved.draft?.media?.base64, '');
    assert.equal(saved.draft?.media?.name, 'cat.png');
    assert.equal(saved.current?.input.media?.base64, '');
    assert.equal(saved.history[0].input.media?.base64, '');
    assert.equal(saved.history[1].input.media?.base64.length, 1000);
    assert.equal(s.current?.input.media?.base64.length, 3_000_000);
  });

  it('lets older runs\' media go when the whole would be too large, the shown run\'s kept', () => {
    const runs = Array.from({ length: 10 }, (_, i) => run(2_000_000, i));
    const saved = persisted(state({ current: runs[0], history: runs }));
    assert.equal(saved.current?.input.media?.base64.length, 2_000_000);
    assert.ok(saved.history.every((r) => r.input.media?.base64 === ''));
    assert.ok(JSON.stringify(saved).length < 8_000_000);
  });
});
