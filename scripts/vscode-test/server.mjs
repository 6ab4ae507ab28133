// Starts and stops code-server for the tests and `npm start`.
// Every run gets its own user-data, extensions, TMPDIR and XDG folders, so nothing
// leaks into $HOME or /tmp and runs never see each other's state. The server runs in
// its own process group (detached = setsid) and is stopped as a group: code-server's
// extension host and file watchers would otherwise outlive it.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

// Quiet, deterministic workbench: no telemetry, update checks, welcome pages or tips.
export const DEFAULT_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function tail(file, lines = 40) {
  if (!existsSync(file)) return `(no ${file})`;
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

// The folders of one run. VS Code puts IPC sockets in TMPDIR and the user-data dir, and
// Unix socket paths are limited to ~107 bytes: keep `runDir` (or `tmpDir`) short.
export function runDirs(runDir, { tmpDir } = {}) {
  const d = {
    runDir,
    userDataDir: join(runDir, 'data'),
    extensionsDir: join(runDir, 'extensions'),
    tmpDir: tmpDir || join(runDir, 'tmp'),
    xdgDir: join(runDir, 'xdg'),
  };
  for (const dir of Object.values(d)) mkdirSync(dir, { recursive: true });
  return d;
}

// The environment for code-server: run-local temp/XDG folders, and none of the
// variables an enclosing VS Code or Electron would leak into a child (they change how
// VS Code processes start).
export function serverEnv(dirs, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return {
    ...env,
    TMPDIR: dirs.tmpDir,
    XDG_CONFIG_HOME: join(dirs.xdgDir, 'config'),
    XDG_DATA_HOME: join(dirs.xdgDir, 'data'),
    XDG_CACHE_HOME: join(dirs.xdgDir, 'cache'),
    XDG_RUNTIME_DIR: dirs.tmpDir,
    ...extra,
  };
}

// `keep`: leave an existing file alone (npm start keeps what the developer changed).
export function writeUserSettings(dirs, settings = {}, { keep = false } = {}) {
  const file = join(dirs.userDataDir, 'User', 'settings.json');
  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  if (!(keep && existsSync(file))) writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  return file;
}

// Runs the code-server CLI once (e.g. --install-extension) against the run's folders.
export function codeServerCli(tools, dirs, args, { logFile } = {}) {
  return new Promise((resolve, reject) => {
    const all = ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, ...args];
    const child = spawn(tools.node24, [tools.codeServer, ...all], { env: serverEnv(dirs), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (logFile) writeFileSync(logFile, out, { flag: 'a' });
      if (code === 0) resolve(out);
      else reject(new Error(`code-server ${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

/**
 * Starts code-server and waits until /healthz answers.
 * options: tools (from ensureTools), runDir, tmpDir (optional, see runDirs), workspace
 *   (folder to open, optional), settings (object merged over DEFAULT_SETTINGS into
 *   User/settings.json), keepUserSettings (don't overwrite it), smokeTestDriver (bool),
 *   port (default: a free one), logFile, env (extra environment for the server and
 *   its extension host), noGallery (no extension marketplace: tests stay offline and
 *   quiet), readyTimeoutMs.
 * Returns { port, url, dirs, logFile, settingsFile, stop() }.
 */
export async function startServer(options) {
  const { tools, runDir, workspace, settings = {}, smokeTestDriver = false, noGallery = false, readyTimeoutMs = 60_000 } = options;
  // An empty gallery disables marketplace lookups (they fail offline and flood the logs).
  const env = { ...(noGallery ? { EXTENSIONS_GALLERY: '{}' } : {}), ...options.env };
  const dirs = runDirs(runDir, { tmpDir: options.tmpDir });
  const port = options.port || (await freePort());
  const logFile = options.logFile || join(runDir, 'code-server.log');
  const settingsFile = writeUserSettings(dirs, settings, { keep: options.keepUserSettings });
  const configFile = join(runDir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    tools.codeServer,
    '--config', configFile,
    '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  // Without this flag the workbench ignores ?payload= (extension tests) and never exits.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (workspace) args.push(workspace);

  const fd = openSync(logFile, 'w');
  const child = spawn(tools.node24, args, { env: serverEnv(dirs, env), stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = signal ?? code;
      resolve();
    });
    child.on('error', (e) => {
      exited = e.message;
      resolve();
    });
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const group = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    group('SIGTERM');
    const timer = new Promise((r) => setTimeout(r, 3000));
    await Promise.race([exitPromise, timer]);
    group('SIGKILL'); // whatever is left of the group (watchers, extension host)
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`code-server exited (${exited}) before it was ready. Last lines of ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}healthz within ${readyTimeoutMs / 1000} s. Last lines of ${logFile}:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { port, url, dirs, logFile, settingsFile, pid: child.pid, stop, exited: () => exited, exitPromise };
}
