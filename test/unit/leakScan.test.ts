// The token-leak scan run after the real-VS-Code suites finds tokens wherever they are.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('token leak scan', () => {
  it('reports every file holding a token, skips the allowed folders, ignores redacted ones', async () => {
    const { scanForTokens } = (await import(join(__dirname, '..', '..', '..', 'scripts', 'vscode-test', 'leakScan.mjs'))) as { scanForTokens: (dirs: string[], o: { skip: string[]; base: string }) => { hits: string[]; scanned: number } };
    const dir = mkdtempSync(join(tmpdir(), 'leak-'));
    try {
      mkdirSync(join(dir, 'User', 'logs'), { recursive: true });
      mkdirSync(join(dir, 'browser'));
      writeFileSync(join(dir, 'User', 'settings.json'), '{"huggingface.baseUrl": "http://127.0.0.1"}');
      writeFileSync(join(dir, 'User', 'logs', 'Hugging Face.log'), 'error: 401 with Bearer hf_leakedtoken_12345 sent');
      writeFileSync(join(dir, 'User', 'logs', 'ok.log'), 'token hf_[redacted] was rejected');
      writeFileSync(join(dir, 'browser', 'Local Storage'), 'hf_secretstoragetoken_1');
      const { hits, scanned } = scanForTokens([dir], { skip: [join(dir, 'browser')], base: dir });
      assert.deepEqual(hits, [`${join('User', 'logs', 'Hugging Face.log')}: hf_leak…`]);
      assert.equal(scanned, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
