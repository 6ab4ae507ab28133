// The 17 snippets: one per task, each a valid component with the task's default
// model once its placeholders take their default values.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TASK_TABLE } from '../../src/executor';
import { checkFile, parseFile } from '../../src/extension/componentFiles';

const root = join(__dirname, '..', '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets/huggingface-component.json'), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;

/** The text a snippet inserts when every placeholder keeps its default (choices: the first). */
function expand(body: string[]): string {
  return `${body.join('\n')}\n`
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^{}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\\$/g, '$');
}

describe('component files: snippets', () => {
  it('one per task, named and prefixed after it', () => {
    const all = Object.values(snippets);
    assert.equal(all.length, 17);
    assert.deepEqual(all.map((s) => s.prefix), TASK_TABLE.map((t) => `hf-${t.id.slice(5).toLowerCase().replace(/_/g, '-')}`));
  });

  for (const task of TASK_TABLE) {
    it(`${task.id}: a valid component with ${task.defaultModel}`, () => {
      const snippet = Object.values(snippets).find((s) => s.body[0] === `task: ${task.id}`);
      assert.ok(snippet, `a snippet for ${task.id}`);
      const text = expand(snippet.body);
      const file = parseFile(text, 'components');
      assert.equal(file.units.length, 1);
      assert.equal(file.units[0].task, task.id);
      assert.deepEqual(checkFile(file, { trusted: true }), []);
      assert.match(text, new RegExp(`^  model: ${task.defaultModel.replace(/[./]/g, '\\$&')}$`, 'm'));
      if (task.mediaField) assert.match(text, new RegExp(`^  ${task.mediaField}: \\$\\{file:media/\\S+\\}$`, 'm'));
    });
  }
});
