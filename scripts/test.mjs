// `npm test`: every stage in order, then one closing line "N passed, N failed".
// Stages: build, type check, lint, unit + loopback-HTTP tests (mocha), the suites
// inside a real VS Code (when present), and the benchmark smoke run.
// A stage that cannot run counts as failed; a skipped test is listed by name.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2); // e.g. `npm test -- unit`
const statsDir = mkdtempSync(join(tmpdir(), 'hf-test-stats-'));
const bin = (name) => join(root, 'node_modules', '.bin', name);

const stages = [
  { name: 'build', cmd: [process.execPath, [join(root, 'scripts/build.mjs')]] },
  { name: 'typecheck', cmd: [bin('tsc'), ['--noEmit', '-p', root]] },
  { name: 'typecheck-webview', cmd: [bin('tsc'), ['--noEmit', '-p', join(root, 'src/webview')]], when: () => existsSync(join(root, 'src/webview/tsconfig.json')) },
  { name: 'lint', cmd: [bin('eslint'), [root]] },
  {
    name: 'unit',
    mocha: true,
    cmd: [bin('mocha'), ['--expose-gc', '--reporter', join(root, 'scripts/mocha-reporter.cjs'), '--timeout', '20000', '--exit', join(root, 'out/test/unit/**/*.test.js')]],
  },
  { name: 'vscode', mocha: true, cmd: [process.execPath, [join(root, 'scripts/vscode-test/run.mjs'), 'integration']], when: () => existsSync(join(root, 'scripts/vscode-test/run.mjs')) },
  { name: 'ui', mocha: true, cmd: [process.execPath, [join(root, 'scripts/vscode-test/run.mjs'), 'ui']], when: () => existsSync(join(root, 'scripts/vscode-test/run.mjs')) && existsSync(join(root, 'test/ui')) },
  { name: 'bench-smoke', mocha: true, cmd: [process.execPath, [join(root, 'bench/run.mjs'), '--smoke']], when: () => existsSync(join(root, 'bench/run.mjs')) },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
const skippedTitles = [];

for (const stage of stages) {
  if (only.length && !only.includes(stage.name) && stage.name !== 'build') continue;
  if (stage.when && !stage.when()) continue;
  const statsFile = join(statsDir, `${stage.name}.json`);
  rmSync(statsFile, { force: true });
  const started = Date.now();
  console.log(`\n=== ${stage.name} ===`);
  const [cmd, args] = stage.cmd;
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TEST_STATS_FILE: statsFile } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (stage.mocha && existsSync(statsFile)) {
    const s = JSON.parse(readFileSync(statsFile, 'utf8'));
    passed += s.passed;
    failed += s.failed;
    skipped += s.skipped;
    skippedTitles.push(...(s.skippedTitles || []).map((t) => `${stage.name}: ${t}`));
    // A runner that crashed after writing counts still fails the stage.
    if (r.status !== 0 && s.failed === 0) failed += 1;
    summary.push(`${stage.name}: ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''} (${secs} s)`);
  } else {
    const ok = r.status === 0;
    if (ok) passed += 1;
    else failed += 1;
    summary.push(`${stage.name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} (${secs} s)`);
  }
  if (stage.name === 'build' && r.status !== 0) break;
}

rmSync(statsDir, { recursive: true, force: true });
console.log('\n=== summary ===');
for (const line of summary) console.log(line);
for (const t of skippedTitles) console.log(`skipped: ${t}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
