// dist/executor.js stands alone: plain Node loads it, with no VS Code anywhere.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('dist/executor.js', () => {
  it('loads in plain node and exposes the interface', () => {
    const out = execFileSync(process.execPath, ['-e', `
      const e = require(${JSON.stringify(join(root, 'dist', 'executor.js'))});
      console.log(JSON.stringify({ tasks: e.TASKS.length, fns: ['execute', 'stream', 'getTaskSchemas', 'validateInput', 'runBatch'].map((k) => typeof e[k]), err: new e.ComponentError('HTTP', 'x', { status: 500 }) instanceof Error }));
    `], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { tasks: 17, fns: ['function', 'function', 'function', 'function', 'function'], err: true });
  });

  it('never requires vscode', () => {
    const code = readFileSync(join(root, 'dist', 'executor.js'), 'utf8');
    assert.ok(!/require\(["']vscode["']\)/.test(code));
  });
});
