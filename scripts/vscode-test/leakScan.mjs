// After a run in the real VS Code: every file the run left (settings, state, logs,
// the workspace, the server's and the workbench's logs) is searched for anything
// shaped like a Hugging Face token. The browser profile is skipped: that is where
// code-server keeps SecretStorage, the one place a token belongs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const TOKEN = /hf_[A-Za-z0-9]{8,}/g;
const MAX_BYTES = 64 * 2 ** 20;

function* files(dir, skip) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (skip.some((s) => path === s)) continue;
    let st;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    if (st.isDirectory()) yield* files(path, skip);
    else if (st.isFile() && st.size <= MAX_BYTES) yield path;
  }
}

/** Returns `file: token…` lines for every hit (tokens shown cut short). */
export function scanForTokens(dirs, { skip = [], base = '' } = {}) {
  const hits = [];
  let scanned = 0;
  for (const dir of dirs) {
    for (const file of files(dir, skip)) {
      scanned++;
      const text = readFileSync(file).toString('latin1');
      for (const m of new Set(text.match(TOKEN) ?? [])) hits.push(`${relative(base, file) || file}: ${m.slice(0, 7)}…`);
    }
  }
  return { hits, scanned };
}
