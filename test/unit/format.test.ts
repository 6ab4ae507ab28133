import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compactNumber, escapeMarkdown, fillMaskText, findMaskToken, formatScore, inertMessage, inlineLabel, inlineText, labelTable, ranked, zipLabels } from '../../src/extension/format';

// What VS Code's notifications turn into a link (vs/base/common/linkedText.ts, as of VS Code 1.9x).
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

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
    // Bare URLs, www. addresses and e-mail addresses would be linked by the hover's renderer.
    assert.equal(escapeMarkdown('see https://evil.example, WWW.evil.example or me@evil.example'), 'see https\\://evil.example, WWW\\.evil.example or me\\@evil.example');
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

  it('makes notification messages inert: no link forms, no bidi or control character survives, long text is cut', () => {
    const hostile = 'Answer: [Sign in again](command:workbench.action.quit) or [here](https://evil.example/x "t") \u202Eevil\u202C and\u0007 [f](file:///etc/passwd)';
    assert.ok(NOTIFICATION_LINK.test(hostile), 'the oracle sees the links');
    const shown = inertMessage(hostile);
    assert.equal(shown, 'Answer: [Sign in again] (command:workbench.action.quit) or [here] (https://evil.example/x "t")  evil  and  [f] (file:///etc/passwd)');
    assert.equal(inertMessage('line one\nline two [a] b (c)'), 'line one\nline two [a] b (c)', 'ordinary text is left alone');
    const long = inertMessage('x'.repeat(100_000));
    assert.equal(long.length, 1000);
    assert.ok(long.endsWith('…'));
    // Whatever the text, no link can form in it.
    const pieces = fc.constantFrom('[', ']', '(', ')', 'command:x', 'https://a', 'file:b', ' ', '"', "'", 'label', '\u202e', '\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => !NOTIFICATION_LINK.test(inertMessage(parts.join('')))),
      { numRuns: 5000 },
    );
  });
});
