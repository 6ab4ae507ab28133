import { strict as assert } from 'node:assert';
import { parseCommandArgs, parseLabels } from '../../src/extension/commandArgs';

describe('commandArgs', () => {
  it('takes the options automation can give, and ignores anything of the wrong type', () => {
    assert.deepEqual(parseCommandArgs({ model: ' m ', placement: 'replace', labels: ['a', 'b', 'a'], multiLabel: true, question: 'q?', parameters: { top_k: 2 } }), {
      model: 'm', placement: 'replace', labels: ['a', 'b'], multiLabel: true, question: 'q?', parameters: { top_k: 2 },
    });
    assert.deepEqual(parseCommandArgs({ model: 3, placement: 'everywhere', labels: [1], question: '  ', parameters: [] }), {});
    assert.deepEqual(parseCommandArgs({ labels: 'x, y' }), { labels: ['x', 'y'] });
  });

  it('ignores what menus pass (a URI object) and non-objects', () => {
    class Uri {
      readonly model = 'not-options';
    }
    assert.deepEqual(parseCommandArgs(new Uri()), {});
    assert.deepEqual(parseCommandArgs('text'), {});
    assert.deepEqual(parseCommandArgs(undefined), {});
  });

  it('parses comma-separated labels', () => {
    assert.deepEqual(parseLabels(' bug, feature ,, bug,question '), ['bug', 'feature', 'question']);
    assert.deepEqual(parseLabels(' , '), []);
  });
});
