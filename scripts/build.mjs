// Builds every bundle with esbuild:
//   dist/executor.js   the component executor alone (plain Node, CommonJS)
//   dist/extension.js  the extension host side; it loads dist/executor.js lazily at first use
//   dist/componentFiles.js  component files and recipes (parsing, checks, runs), loaded lazily too
//   dist/webview/*.js  the panels' browser code
//   out/**             tests and sources transpiled one-to-one for mocha
// Flags: --production (minified, no source maps), --watch.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, existsSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidators } from './gen-validators.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --dist=DIR puts the bundles elsewhere (the benchmark measures production bundles without touching dist/).
const distArg = process.argv.find((a) => a.startsWith('--dist='));
const dist = distArg ? resolve(distArg.slice('--dist='.length)) : join(root, 'dist');
const bundlesOnly = !!distArg;
const executorDir = join(root, 'src', 'executor');

// The executor's validators are precompiled from its schemas before anything is
// bundled or listed for transpiling (they are a source file of their own).
generateValidators();

function listTs(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTs(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// The extension bundle must not carry its own copy of the executor: imports of
// src/executor become a runtime require of the sibling dist/executor.js.
const executorAsSibling = {
  name: 'executor-as-sibling',
  setup(build) {
    build.onResolve({ filter: /executor$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (target === executorDir || target === join(executorDir, 'index')) {
        return { path: './executor.js', external: true };
      }
      return undefined;
    });
  },
};

// Component files' logic (with the YAML parser) is a bundle of its own too, required
// when the first component file or recipe is open, so activation stays small.
const componentFilesDir = join(root, 'src', 'extension', 'componentFiles');
const componentFilesAsSibling = {
  name: 'component-files-as-sibling',
  setup(build) {
    build.onResolve({ filter: /componentFiles$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      return target === componentFilesDir ? { path: './componentFiles.js', external: true } : undefined;
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

const configs = [
  { ...common, entryPoints: [join(root, 'src/executor/index.ts')], outfile: join(dist, 'executor.js') },
  {
    ...common,
    entryPoints: [join(root, 'src/extension/extension.ts')],
    outfile: join(dist, 'extension.js'),
    external: ['vscode'],
    plugins: [executorAsSibling, componentFilesAsSibling],
    // `await import('../executor')` becomes a lazy CommonJS require, not an ESM load.
    supported: { 'dynamic-import': false },
  },
  { ...common, entryPoints: [join(componentFilesDir, 'index.ts')], outfile: join(dist, 'componentFiles.js'), plugins: [executorAsSibling] },
];

const webviewEntry = join(root, 'src/webview/main.ts');
if (existsSync(webviewEntry)) {
  configs.push({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    entryPoints: [webviewEntry],
    outfile: join(dist, 'webview/main.js'),
  });
}

// The panels' icon font: codicon.css and codicon.ttf copied next to the webview
// bundle (the VSIX leaves node_modules out).
function copyCodicons() {
  const from = join(root, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = join(root, 'dist', 'webview', 'codicons');
  mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join(from, file), join(to, file));
}

// Tests (and the sources they import) transpiled file by file, so mocha and the
// extension-host test runner load plain CommonJS with working relative requires.
const transpiled = bundlesOnly ? [] : ['src', 'test', 'bench'].flatMap((d) => listTs(join(root, d))).filter((f) => !f.includes(`${join('src', 'webview')}`));
if (transpiled.length) configs.push({
  entryPoints: transpiled,
  outbase: root,
  outdir: join(root, 'out'),
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});

if (!watch) {
  if (!bundlesOnly) rmSync(join(root, 'out'), { recursive: true, force: true });
  const started = Date.now();
  if (existsSync(webviewEntry)) copyCodicons();
  await Promise.all(configs.map((c) => esbuild.build(c)));
  console.log(`build: ${configs.length} bundles in ${Date.now() - started} ms${production ? ' (production)' : ''} -> ${relative(process.cwd(), dist) || 'dist'}`);
} else {
  if (existsSync(webviewEntry)) copyCodicons();
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching for changes');
}
