// Scenario 5, start-up cost: production bundle sizes, the time plain Node takes to
// load dist/executor.js (and to compile a task's validators on first use), and —
// when the real-VS-Code suite recorded it — the extension's activation time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, median, table } from './stats';

const ROOT = join(__dirname, '..', '..');

function loadTimes(executor: string, runs: number): { load: number; firstUse: number } {
  const loads: number[] = [];
  const firstUses: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['-e', `
      const t0 = performance.now();
      const e = require(${JSON.stringify(executor)});
      const t1 = performance.now();
      e.validateInput('TASK_SUMMARIZATION', { model: 'm', inputs: 'x' });
      const t2 = performance.now();
      console.log(JSON.stringify({ load: t1 - t0, firstUse: t2 - t1 }));
    `], { encoding: 'utf8' });
    const r = JSON.parse(out) as { load: number; firstUse: number };
    loads.push(r.load);
    firstUses.push(r.firstUse);
  }
  return { load: median(loads), firstUse: median(firstUses) };
}

export interface StartupResult {
  extensionBytes: number;
  executorBytes: number;
  executorLoadMs: number;
  firstValidationMs: number;
  vsixBytes?: number;
  activationMs?: number;
}

export function startupScenario(runs: number): { result: StartupResult; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hf-bench-dist-'));
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--production', `--dist=${dir}`], { stdio: 'ignore' });
    const { load, firstUse } = loadTimes(join(dir, 'executor.js'), runs);
    const result: StartupResult = {
      extensionBytes: statSync(join(dir, 'extension.js')).size,
      executorBytes: statSync(join(dir, 'executor.js')).size,
      executorLoadMs: load,
      firstValidationMs: firstUse,
    };
    // Written by the packaging step and by the real-VS-Code suite, when they ran.
    const measured = join(ROOT, 'test-results', 'startup.json');
    if (existsSync(measured)) Object.assign(result, JSON.parse(readFileSync(measured, 'utf8')) as Partial<StartupResult>);
    const rows: (string | number)[][] = [
      ['dist/extension.js (production)', `${fmt(result.extensionBytes / 1024, 1)} KB`],
      ['dist/executor.js (production, loaded on first use)', `${fmt(result.executorBytes / 1024, 1)} KB`],
      ['load dist/executor.js in node (median)', `${fmt(load, 1)} ms`],
      ['first validation (compiles one task\'s schema)', `${fmt(firstUse, 1)} ms`],
      ['VSIX', result.vsixBytes ? `${fmt(result.vsixBytes / 1024, 1)} KB` : 'not measured (run npm run package)'],
      ['activate() in the real VS Code', result.activationMs !== undefined ? `${fmt(result.activationMs, 2)} ms` : 'not measured (run npm test)'],
    ];
    return { result, text: table(['measure', 'value'], rows) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
