// `npm start`: the extension in a real VS Code (code-server, in your browser) on 127.0.0.1.
// Builds, installs the tools on first use, then serves the examples/ folder with the extension
// loaded straight from this repository, and keeps esbuild watching until Ctrl+C.
//
// How the extension is loaded: the repo folder is symlinked into code-server's extensions dir
// (tried against code-server 4.139.1: it registers the link like an installed extension).
// Code changes: esbuild rebuilds dist/, then "Developer: Reload Window" runs the new code.
// Manifest (package.json) changes are cached by the server, so this script restarts
// code-server when package.json changes (reload the browser tab afterwards).
// Alternatives rejected: installing a VSIX needs a re-package for every change; the
// extensionDevelopmentPath URL payload only works with the smoke-test driver, which hides
// notification toasts.
//
// HF_TASKS_PORT chooses the port (default 8357, or a free one if that is taken). The
// server only listens on 127.0.0.1; from another machine, forward the port (ssh -L).
// User settings and state persist between runs in the tools cache (start-<hash of repo path>).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, ensureTools, CODE_SERVER_VERSION } from './vscode-test/setup.mjs';
import { freePort, runDirs, startServer, tail } from './vscode-test/server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => console.log(`[start] ${msg}`);
const manifestFile = join(root, 'package.json');

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const tools = await ensureTools();

const examples = join(root, 'examples');
if (!existsSync(examples)) {
  mkdirSync(examples, { recursive: true });
  writeFileSync(join(examples, 'README.md'), 'Files to try the Hugging Face Tasks commands on.\n');
}

const portFree = (port) =>
  new Promise((r) => {
    const srv = createServer();
    srv.once('error', () => r(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => r(true)));
  });
let port = Number(process.env.HF_TASKS_PORT) || 0;
if (!port) {
  port = (await portFree(8357)) ? 8357 : await freePort();
} else if (!(await portFree(port))) {
  console.error(`[start] port ${port} (HF_TASKS_PORT) is already in use on 127.0.0.1`);
  process.exit(1);
}

const stateDir = join(cacheDir(), `start-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`);
const tmp = mkdtempSync(join(tmpdir(), 'hf-vsc-start-')); // short: holds IPC sockets
const dirs = runDirs(stateDir, { tmpDir: tmp });

// Only the link to this repo in the extensions dir, recreated each start (the version in
// the folder name follows package.json).
function linkExtension() {
  const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
  rmSync(dirs.extensionsDir, { recursive: true, force: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  symlinkSync(root, join(dirs.extensionsDir, `${m.publisher}.${m.name}-${m.version}`), 'dir');
}

let server = null;
async function launch() {
  linkExtension();
  server = await startServer({ tools, runDir: stateDir, tmpDir: tmp, workspace: examples, port, keepUserSettings: true, logFile: join(stateDir, 'code-server.log') });
}

let watcher = null;
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  unwatchFile(manifestFile);
  if (watcher && watcher.exitCode === null) {
    try {
      process.kill(-watcher.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

try {
  await launch();
} catch (e) {
  console.error(`[start] ${e.message}`);
  rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}

// esbuild in watch mode, in its own process group so Ctrl+C handling stays here.
watcher = spawn(process.execPath, [join(root, 'scripts', 'build.mjs'), '--watch'], { cwd: root, stdio: 'inherit', detached: true });

let manifest = readFileSync(manifestFile, 'utf8');
let restarting = null; // the restart in progress, if any
watchFile(manifestFile, { interval: 1000 }, async () => {
  const now = readFileSync(manifestFile, 'utf8');
  if (now === manifest || stopping) return;
  manifest = now;
  log('package.json changed: restarting code-server (then reload the browser tab)');
  restarting = (async () => {
    await server.stop();
    await launch();
  })();
  try {
    await restarting;
    log(`code-server is back on ${server.url}`);
  } catch (e) {
    console.error(`[start] restart failed: ${e.message}`);
    stopAll(1);
  } finally {
    restarting = null;
  }
});

const url = `${server.url}?folder=${encodeURIComponent(examples)}`;
console.log(`
  Hugging Face Tasks in VS Code (code-server ${CODE_SERVER_VERSION}) is running:

      ${url}

  Edit src/ and esbuild rebuilds; then run "Developer: Reload Window" in the browser.
  Server log: ${join(stateDir, 'code-server.log')}
  Ctrl+C stops everything.
`);

// If code-server dies on its own, say so (with its log) instead of leaving a dead URL.
(async function watchServer() {
  for (;;) {
    const current = server;
    await current.exitPromise;
    if (stopping) return;
    if (restarting || current !== server) {
      await restarting?.catch(() => undefined); // stopped on purpose for a restart
      continue;
    }
    console.error(`[start] code-server exited (${current.exited()}). Last lines of its log:\n${tail(current.logFile)}`);
    return stopAll(1);
  }
})();
