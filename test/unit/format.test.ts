import { strict as assert } from 'node:assert';
import { compactNumber, escapeMarkdown, fillMaskText, findMaskToken, formatScore, inlineLabel, inlineText, labelTable, ranked, zipLabels } from '../../src/extension/format';

describe('format', () => {
  it('ranks labels and pairs zero-shot labels with their scores', () => {
    assert.deepEqual(ranked([{ label: 'a', score: 0.1 }, { label: 'b', score: 0.9 }]).map((l) => l.label), ['b', 'a']);
    assert.deepEqual(zipLabels(['x', 'y'], [0.2, 0.8]), [{ label: 'y', score: 0.8 }, { label: 'x', score: 0.2 }]);
  });

  it('formats scores and inline labels the way the Hub widgets do', () => {
    assert.equal(formatScore(0.99987), '1.000');
    assert.equal(formatScore(0.12345), '0.123');
    assert.equal(formatScore(Number.NaN), '–');
    assert.equal(inlineLabel({ label: 'POSITIVE', score: 0.9998 }), 'POSITIVE 1.000');
  });

  it('makes model output inert inline: no controls, no bidi overrides, one line, bounded', () => {
    assert.equal(inlineText('a\u202Eb\u0000c\nd'), 'a b c d');
    assert.equal(inlineText('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
  });

  it('escapes Markdown so labels cannot inject links, HTML or commands into hovers', () => {
    const escaped = escapeMarkdown('[click](command:evil) <img src=x> | *b* &#8238;');
    assert.ok(!/(^|[^\\])[[\]<>|*&]/.test(escaped), escaped);
    assert.equal(escapeMarkdown('google/vit-base-patch16-224 (v1.0)'), 'google/vit-base-patch16-224 (v1.0)');
    assert.match(labelTable([{ label: 'a|b', score: 0.5 }]), /\| a\\\|b \| 0\.500 \|/);
  });

  it('fills the mask in the user\'s own text, falling back to the model\'s sequence', () => {
    const results = [{ score: 0.1, sequence: 'paris is the capital of france.', token_str: 'paris' }, { score: 0.9, sequence: 'paris is the capital of france.', token_str: ' Paris' }];
    assert.equal(fillMaskText('[MASK] is the capital of France.', results), 'Paris is the capital of France.');
    assert.equal(fillMaskText('[MASK] and [MASK]', results), 'paris is the capital of france.');
    assert.equal(fillMaskText('<mask>!', [{ score: 1, sequence: 'Hi!', token_str: 'Hi' }]), 'Hi!');
    assert.equal(fillMaskText('x', []), undefined);
    assert.equal(findMaskToken('no mask'), undefined);
  });

  it('shortens download counts', () => {
    assert.deepEqual([12, 4500, 1_234_567, 2_000_000_000].map(compactNumber), ['12', '5k', '1.2M', '2B']);
  });
});
