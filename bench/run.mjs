// `npm run bench` (full run) and `node bench/run.mjs --smoke` (seconds; part of npm test).
// Builds when needed, then runs the TypeScript benchmark compiled to out/bench/main.js.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'out', 'bench', 'main.js');
if (!existsSync(main) || !existsSync(join(root, 'dist', 'executor.js'))) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync(process.execPath, ['--expose-gc', main, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
