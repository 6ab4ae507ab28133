// Runs a test suite inside a real VS Code (code-server + headless Chromium).
//   node scripts/vscode-test/run.mjs integration             mocha inside the extension host
//   node scripts/vscode-test/run.mjs integration --electron  same suite via @vscode/test-electron (desktop VS Code; needs its download)
//   node scripts/vscode-test/run.mjs ui                      Playwright tests against the workbench, extension installed from a VSIX
// Writes {"passed","failed","skipped","skippedTitles"} to $TEST_STATS_FILE and exits non-zero on any failure.
// Env: HF_TASKS_TEST_* is passed to the extension host; HF_TASKS_TEST_SETTINGS (JSON) is merged
// into the user settings; HF_TASKS_TEST_TIMEOUT_MS (default 10 min); HF_TASKS_KEEP_RUN=1 keeps the run folder.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureTools } from './setup.mjs';
import { scanForTokens } from './leakScan.mjs';
import { codeServerCli, runDirs, startServer, tail, writeUserSettings } from './server.mjs';
import { launchBrowser } from './browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mode = process.argv[2];
const electron = process.argv.includes('--electron');
const timeoutMs = Number(process.env.HF_TASKS_TEST_TIMEOUT_MS) || 10 * 60_000;
const started = Date.now();
const log = (msg) => console.log(`[vscode-test] ${msg}`);
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

if (mode !== 'integration' && mode !== 'ui') {
  console.error('usage: node scripts/vscode-test/run.mjs integration [--electron] | ui');
  process.exit(2);
}

const resultsDir = join(root, 'test-results', mode);
mkdirSync(resultsDir, { recursive: true });
// Short path under the system temp dir: VS Code's IPC sockets live in the run's TMPDIR.
const runDir = mkdtempSync(join(tmpdir(), `hf-vsc-${mode}-`));

// Everything started is registered here and undone in reverse order, whatever happens.
const cleanups = [() => (process.env.HF_TASKS_KEEP_RUN ? log(`run folder kept: ${runDir}`) : rmSync(runDir, { recursive: true, force: true }))];
let finishing = false;
let serverLog = null;

// `infra`: the harness itself failed (not a test), so the server's log tail helps.
async function finish(code, message, { infra = false } = {}) {
  if (finishing) return;
  finishing = true;
  if (message) (code === 0 ? console.log : console.error)(`[vscode-test] ${message}`);
  const guard = setTimeout(() => {
    console.error('[vscode-test] cleanup took longer than 20 s; exiting anyway');
    process.exit(code);
  }, 20_000);
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (e) {
      console.error(`[vscode-test] cleanup: ${e.message}`);
    }
  }
  clearTimeout(guard);
  if (infra && serverLog && existsSync(serverLog)) {
    console.error(`[vscode-test] last lines of ${relative(root, serverLog)}:\n${tail(serverLog, 25)}`);
  }
  process.exit(code);
}

process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
// The run never hangs: a first-time tool install gets 30 min, then the run itself
// `timeoutMs` from the moment the tools are ready.
let timer = null;
function armTimeout(ms, what) {
  clearTimeout(timer);
  timer = setTimeout(() => finish(1, `TIMEOUT: ${what} did not finish within ${Math.round(ms / 1000)} s; see ${relative(root, resultsDir)}/`, { infra: true }), ms);
  timer.unref();
}
armTimeout(30 * 60_000, 'installing the test tools');
async function readyTools() {
  const t = await ensureTools();
  armTimeout(timeoutMs, `the ${mode} run (HF_TASKS_TEST_TIMEOUT_MS)`);
  return t;
}

function writeStats(stats) {
  if (process.env.TEST_STATS_FILE) writeFileSync(process.env.TEST_STATS_FILE, JSON.stringify(stats));
}

function ensureBuilt() {
  if (existsSync(join(root, 'dist', 'extension.js')) && existsSync(join(root, 'out', 'test'))) return;
  log('no build found; running scripts/build.mjs');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return findTests(p);
      return name.endsWith('.test.js') ? [p] : [];
    });
}

// A throwaway copy of test/workspace/ (tests may write into it), else an empty folder.
function prepareWorkspace() {
  const workspace = join(runDir, 'workspace');
  const source = join(root, 'test', 'workspace');
  if (existsSync(source)) cpSync(source, workspace, { recursive: true });
  else mkdirSync(workspace, { recursive: true });
  return workspace;
}

function testSettings() {
  let extra = {};
  if (process.env.HF_TASKS_TEST_SETTINGS) {
    try {
      extra = JSON.parse(process.env.HF_TASKS_TEST_SETTINGS);
    } catch (e) {
      throw new Error(`HF_TASKS_TEST_SETTINGS is not JSON: ${e.message}`);
    }
  }
  // The probe lets test/integration/smoke.test.ts prove the settings file is read.
  return { 'hfTasks.testHarnessProbe': 'ok', ...extra };
}

const hostEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('HF_TASKS_TEST_')));

const STATS_MARK = '__TEST_STATS__ ';
const BEGIN_MARK = '__TEST_BEGIN__';
// Workbench chatter that can interleave with test output.
const NOISE = [/^Ignoring fetching additional builtin extensions from gallery/];

// Extension-host console lines arrive as console.log-style argument lists, some with %c
// styling: drop the CSS arguments and the markers.
function formatLogArgs(args) {
  const parts = Array.isArray(args) ? [...args] : [args];
  const out = [];
  while (parts.length) {
    let a = parts.shift();
    if (typeof a === 'string' && a.includes('%c')) {
      const n = a.split('%c').length - 1;
      parts.splice(0, n);
      a = a.replaceAll('%c', '');
    }
    out.push(typeof a === 'string' ? a : JSON.stringify(a));
  }
  return out.join(' ');
}

/** The token-leak scan counts as one more test of the stage. */
function countLeakScan(stats, dirs, skip) {
  const { hits, scanned } = scanForTokens(dirs, { skip, base: runDir });
  if (hits.length) {
    stats.failed += 1;
    console.error(`[vscode-test] FAIL a token was found outside SecretStorage:\n  ${hits.join('\n  ')}`);
  } else {
    stats.passed += 1;
    console.log(`[vscode-test] ok   no token in any of the ${scanned} files the run left (settings, state, logs, workspace)`);
  }
}

async function integrationInCodeServer() {
  const tools = await readyTools();
  const workspace = prepareWorkspace();
  serverLog = join(resultsDir, 'code-server.log');
  const server = await startServer({ tools, runDir, workspace, settings: testSettings(), smokeTestDriver: true, noGallery: true, logFile: serverLog });
  cleanups.push(() => server.stop());
  log(`code-server ready on ${server.url} (${secs()})`);

  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${pathToFileURL(p).pathname}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(join(root, 'out', 'test', 'integration', 'index.js'))],
    ['skipWelcome', 'true'],
    ['extensionEnvironment', JSON.stringify(hostEnv())],
  ];
  const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const browserLogFile = join(resultsDir, 'browser.log');
  writeFileSync(browserLogFile, '');
  const browserLog = { write: (text) => appendFileSync(browserLogFile, text) };
  const context = await launchBrowser({ executablePath: tools.chromium, profileDir: join(runDir, 'browser') });
  cleanups.push(() => context.close());

  // The workbench's own log arrives on the same channel; show only what follows the
  // runner's start marker (everything is in browser.log).
  let forwarding = false;
  let stats = null;
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await context.exposeFunction('codeAutomationLog', (type, args) => {
    const line = formatLogArgs(args);
    browserLog.write(`[host ${type}] ${line}\n`);
    for (const l of line.split('\n')) {
      const at = l.indexOf(STATS_MARK);
      if (l.includes(BEGIN_MARK)) forwarding = true;
      else if (at >= 0) {
        try {
          stats = JSON.parse(l.slice(at + STATS_MARK.length));
        } catch {
          console.error(`[vscode-test] unreadable stats line: ${l}`);
        }
      } else if (forwarding && !NOISE.some((re) => re.test(l))) {
        console.log(l);
      }
    }
  });
  await context.exposeFunction('codeAutomationExit', (code) => resolveExit({ code: Number(code) }));

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => browserLog.write(`[console ${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack || e.message}\n`));
  page.on('crash', () => resolveExit({ error: 'the browser page crashed' }));
  context.on('close', () => resolveExit({ error: 'the browser closed' }));
  server.exitPromise.then(() => resolveExit({ error: `code-server exited (${server.exited()})` }));

  log('opening the workbench; tests run in the extension host');
  await page.goto(url);
  const result = await exited;
  if (result.error) return finish(1, `FAILED: ${result.error} (${secs()})`, { infra: true });

  if (!stats) {
    const errors = readFileSync(browserLogFile, 'utf8').split('\n').filter((l) => l.startsWith('[host error]'));
    if (errors.length) console.error(`[vscode-test] errors the workbench reported:\n${errors.slice(-10).join('\n')}`);
    return finish(1, `FAILED: the extension host exited with code ${result.code} without reporting test counts (did out/test/integration/index.js load? see ${relative(root, resultsDir)}/browser.log)`, { infra: true });
  }
  countLeakScan(stats, [runDir, resultsDir], [join(runDir, 'browser')]);
  writeStats(stats);
  const ok = result.code === 0 && stats.failed === 0;
  return finish(ok ? 0 : 1, `integration: ${stats.passed} passed, ${stats.failed} failed${stats.skipped ? `, ${stats.skipped} skipped` : ''} (exit ${result.code}, ${secs()})`);
}

// The same suite in desktop VS Code, for machines that can download it.
async function integrationInElectron() {
  const { runTests } = await import('@vscode/test-electron');
  const workspace = prepareWorkspace();
  const dirs = runDirs(runDir);
  writeUserSettings(dirs, testSettings());
  const statsOut = join(runDir, 'stats.json');
  let error = null;
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--disable-workspace-trust', '--skip-welcome'],
      extensionTestsEnv: { ...hostEnv(), HF_TASKS_TEST_STATS_OUT: statsOut },
    });
  } catch (e) {
    error = e; // runTests rejects on a failed download and on a non-zero exit
  }
  if (!existsSync(statsOut)) {
    return finish(1, `FAILED: ${error ? `@vscode/test-electron: ${error.message || error} (it downloads VS Code into .vscode-test/)` : 'VS Code exited without reporting test counts'}`, { infra: true });
  }
  const stats = JSON.parse(readFileSync(statsOut, 'utf8'));
  writeStats(stats);
  return finish(!error && stats.failed === 0 ? 0 : 1, `integration (electron): ${stats.passed} passed, ${stats.failed} failed (${secs()})`);
}

async function ui() {
  const tests = findTests(join(root, 'out', 'test', 'ui'));
  if (!tests.length) throw new Error('no out/test/ui/**/*.test.js; is test/ui/ built?');
  // Screenshots of an earlier run would pass for this one's.
  for (const f of readdirSync(resultsDir)) if (f.endsWith('.png')) rmSync(join(resultsDir, f));
  const tools = await readyTools();

  const vsix = join(runDir, 'ext.vsix');
  log('packaging the extension (vsce package)');
  // The README's screenshots are relative links, shipped in the VSIX (media/): kept relative, as there is no repository URL to rewrite them to.
  const vsce = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], { cwd: root, encoding: 'utf8' });
  if (vsce.status !== 0) throw new Error(`vsce package failed:\n${vsce.stdout}${vsce.stderr}`);

  const dirs = runDirs(runDir);
  serverLog = join(resultsDir, 'code-server.log');
  rmSync(serverLog, { force: true });
  await codeServerCli(tools, dirs, ['--install-extension', vsix], { logFile: serverLog });
  log(`installed the VSIX into ${relative(runDir, dirs.extensionsDir)} (${secs()})`);

  const workspace = prepareWorkspace();
  const server = await startServer({ tools, runDir, workspace, settings: testSettings(), noGallery: true, logFile: serverLog });
  cleanups.push(() => server.stop());
  log(`code-server ready on ${server.url} (${secs()})`);

  // The tests run in plain Node (this Node 20), driving the browser; they find the
  // server and the run's folders through these variables (see test/ui/workbench.ts).
  const env = {
    ...process.env,
    HF_TASKS_UI_URL: server.url,
    HF_TASKS_UI_WORKSPACE: workspace,
    HF_TASKS_UI_USER_DATA: dirs.userDataDir,
    HF_TASKS_UI_RUN_DIR: runDir,
    HF_TASKS_UI_CHROMIUM: tools.chromium,
    HF_TASKS_UI_SCREENSHOTS: resultsDir,
  };
  const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const reporter = join(root, 'scripts', 'mocha-reporter.cjs');
  // HF_TASKS_UI_GREP: run only the tests whose titles match (while working on them).
  const grep = process.env.HF_TASKS_UI_GREP ? ['--grep', process.env.HF_TASKS_UI_GREP] : [];
  const child = spawn(process.execPath, [mocha, '--reporter', reporter, '--timeout', '60000', '--exit', ...grep, ...tests], { cwd: root, env, stdio: 'inherit' });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? (s ? 1 : 0))));
  let summary = '';
  let leaked = false;
  if (process.env.TEST_STATS_FILE && existsSync(process.env.TEST_STATS_FILE)) {
    const s = JSON.parse(readFileSync(process.env.TEST_STATS_FILE, 'utf8'));
    // The UI tests' browser profiles (browser-*) hold SecretStorage: skipped by the scan.
    const profiles = readdirSync(runDir).filter((n) => n.startsWith('browser-')).map((n) => join(runDir, n));
    const failedBefore = s.failed;
    countLeakScan(s, [runDir, resultsDir], profiles);
    leaked = s.failed > failedBefore;
    writeStats(s);
    summary = `${s.passed} passed, ${s.failed} failed, `;
  }
  return finish(code === 0 && !leaked ? 0 : 1, `ui: ${summary}exit ${code} (${secs()}); screenshots in ${relative(root, resultsDir)}/`);
}

try {
  ensureBuilt();
  if (mode === 'ui') await ui();
  else if (electron) await integrationInElectron();
  else await integrationInCodeServer();
} catch (e) {
  await finish(1, `FAILED: ${e.stack || e.message}`, { infra: true });
}
