// A canary token for leak tests: fresh per run and shaped like a real one (so the
// leak scan of a run's files would find it too), and where to look for it.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const MAX_FILE_BYTES = 64 * 2 ** 20;

export interface Canary {
  token: string;
  /** The forms a leaked token could take: as is, URL-encoded in a query, base64 in a header. */
  forms: string[];
  /** How many times `text` holds the token, in any of its forms. */
  leaks(text: string): number;
  /** The files under `dir` (paths relative to it) that hold the token. */
  filesHolding(dir: string): string[];
}

export function makeCanary(): Canary {
  const token = `hf_${Array.from(randomBytes(34), (b) => ALNUM[b % ALNUM.length]).join('')}`;
  const forms = [token, encodeURIComponent(token), Buffer.from(token).toString('base64'), Buffer.from(`Bearer ${token}`).toString('base64')];
  const leaks = (text: string) => forms.reduce((n, form) => n + text.split(form).length - 1, 0);
  return {
    token,
    forms,
    leaks,
    filesHolding: (dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => {
        const st = statSync(join(dir, name), { throwIfNoEntry: false });
        return st?.isFile() && st.size < MAX_FILE_BYTES && leaks(readFileSync(join(dir, name)).toString('latin1')) > 0;
      }),
  };
}
