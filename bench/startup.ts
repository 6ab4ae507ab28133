// Scenario 5, start-up cost: production bundle sizes, the time plain Node takes to
// load dist/executor.js (and to compile a task's validators on first use), and —
// when the real-VS-Code suite recorded it — the extension's activation time.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/**
 * Packages the extension as users get it (production bundles, the files the
 * .vscodeignore keeps) in a staging copy, and returns the VSIX's size.
 */
function vsixSize(productionDist: string, scratch: string): number {
  const stage = join(scratch, 'stage');
  for (const name of readdirSync(ROOT)) {
    if (['node_modules', 'dist', 'out', 'test-results', '.git', 'src', 'test', 'bench', 'scripts', 'examples', 'dist-vsix'].includes(name)) continue;
    cpSync(join(ROOT, name), join(stage, name), { recursive: true });
  }
  cpSync(productionDist, join(stage, 'dist'), { recursive: true });
  const vsix = join(scratch, 'ext.vsix');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], { cwd: stage, stdio: 'ignore' });
  return statSync(vsix).size;
}

export interface StartupResult {
  extensionBytes: number;
  executorBytes: number;
  executorLoadMs: number;
  firstValidationMs: number;
  vsixBytes?: number;
  /** Our own activate(), in the real VS Code of the test suite. */
  activationMs?: number;
  /** The whole activation as VS Code performs it (loading the bundle, the context, our activate). */
  activationTotalMs?: number;
  firstCommandMs?: number;
}

export function startupScenario(runs: number): { result: StartupResult; text: string } {
  const scratch = mkdtempSync(join(tmpdir(), 'hf-bench-dist-'));
  const dir = join(scratch, 'dist');
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--production', `--dist=${dir}`], { stdio: 'ignore' });
    const { load, firstUse } = loadTimes(join(dir, 'executor.js'), runs);
    const result: StartupResult = {
      extensionBytes: statSync(join(dir, 'extension.js')).size,
      executorBytes: statSync(join(dir, 'executor.js')).size,
      executorLoadMs: load,
      firstValidationMs: firstUse,
      vsixBytes: vsixSize(dir, scratch),
    };
    // Written by the real-VS-Code suite's activation test, when it ran.
    const measured = join(ROOT, 'test-results', 'startup.json');
    if (existsSync(measured)) Object.assign(result, JSON.parse(readFileSync(measured, 'utf8')) as Partial<StartupResult>);
    const rows: (string | number)[][] = [
      ['dist/extension.js (production)', `${fmt(result.extensionBytes / 1024, 1)} KB`],
      ['dist/executor.js (production, loaded on first use)', `${fmt(result.executorBytes / 1024, 1)} KB`],
      ['load dist/executor.js in node (median)', `${fmt(load, 1)} ms`],
      ['first validation (precompiled validators)', `${fmt(firstUse, 1)} ms`],
      ['VSIX (production)', `${fmt((result.vsixBytes ?? 0) / 1024, 1)} KB`],
      ['activate() in the real VS Code (our own code)', result.activationMs !== undefined ? `${fmt(result.activationMs, 2)} ms` : 'not measured (run npm test)'],
      ['activation as VS Code performs it (load + context + activate)', result.activationTotalMs !== undefined ? `${fmt(result.activationTotalMs, 2)} ms` : 'not measured'],
      ['first command ready', result.firstCommandMs !== undefined ? `${fmt(result.firstCommandMs, 2)} ms` : 'not measured'],
    ];
    return { result, text: table(['measure', 'value'], rows) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
