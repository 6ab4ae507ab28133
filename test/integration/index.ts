// Entry point VS Code's extension host calls for the integration suite (extensionTestsPath).
// Runs mocha inside the host; prints one line per test and a final machine-readable
// `__TEST_STATS__ {...}` line that scripts/vscode-test/run.mjs turns into TEST_STATS_FILE.
import Mocha from 'mocha';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) found.push(...findTests(p));
    else if (name.endsWith('.test.js')) found.push(p);
  }
  return found;
}

// console.log, not process.stdout: in code-server only the host's console reaches the runner.
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const skippedTitles: string[] = [];
    const failures: { title: string; err: Error }[] = [];
    let depth = 0;
    const indent = () => '  '.repeat(depth);
    runner.on('suite', (suite) => {
      if (suite.root) return;
      console.log(`${indent()}${suite.title}`);
      depth++;
    });
    runner.on('suite end', (suite) => {
      if (!suite.root) depth--;
    });
    runner.on('pass', (test) => console.log(`${indent()}ok   ${test.title} (${test.duration ?? 0} ms)`));
    runner.on('pending', (test) => {
      skippedTitles.push(test.fullTitle());
      console.log(`${indent()}skip ${test.title}`);
    });
    runner.on('fail', (test, err: Error) => {
      failures.push({ title: test.fullTitle(), err });
      console.log(`${indent()}FAIL ${test.title}`);
    });
    runner.once('end', () => {
      failures.forEach((f, i) => console.log(`\n${i + 1}) ${f.title}\n${f.err?.stack || String(f.err)}`));
      const s = this.stats;
      console.log(`\n${s.passes} passing, ${s.failures} failing, ${s.pending} pending (${s.duration ?? 0} ms)`);
      const stats = JSON.stringify({ passed: s.passes, failed: s.failures, skipped: s.pending, skippedTitles });
      console.log(`__TEST_STATS__ ${stats}`);
      // The desktop (@vscode/test-electron) runner reads a file instead of the host's console.
      if (process.env.HF_TASKS_TEST_STATS_OUT) writeFileSync(process.env.HF_TASKS_TEST_STATS_OUT, stats);
    });
  }
}

export function run(): Promise<void> {
  console.log('__TEST_BEGIN__'); // run.mjs shows the host's console from here on
  // HF_TASKS_TEST_GREP: run only the tests whose titles match (while working on them).
  const grep = process.env.HF_TASKS_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: LineReporter, ...(grep && { grep }) });
  for (const file of findTests(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
