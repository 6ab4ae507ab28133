// The host acts only on webview messages that follow the protocol exactly: these are
// the forged and malformed ones it must refuse, and the real ones it must accept.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWebviewMessage } from '../../src/shared/messageGuards';
import { MAX_MEDIA_BYTES, MAX_QUERY_CHARS, MAX_TEXT_CHARS } from '../../src/shared/protocol';

const ok = (m: unknown) => {
  const r = parseWebviewMessage(m);
  assert.ok(r.ok, `expected accepted: ${JSON.stringify(m)?.slice(0, 200)} (${r.ok ? '' : r.reason})`);
  return r.message;
};
const refused = (m: unknown, why?: RegExp) => {
  const r = parseWebviewMessage(m);
  assert.ok(!r.ok, `expected refused: ${JSON.stringify(m)?.slice(0, 200)}`);
  if (why) assert.match(r.reason, why);
};

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64');

describe('panel protocol: messages the host accepts', () => {
  it('accepts every message type of the protocol', () => {
    ok({ type: 'ready' });
    ok({ type: 'run', id: 1, input: { model: 'facebook/bart-large-cnn', inputs: 'Some text', parameters: { max_length: 20 }, options: { wait_for_model: true } } });
    ok({ type: 'run', id: 2, input: { model: 'm', media: { name: 'cat.png', mime: 'image/png', base64: png } } });
    ok({ type: 'validate', id: 3, input: { model: '' } });
    ok({ type: 'cancel', id: 1 });
    ok({ type: 'pickFile', id: 4 });
    ok({ type: 'useSelection', id: 5 });
    ok({ type: 'insert', id: 6, text: 'a summary' });
    ok({ type: 'copy', id: 7, text: '' });
    ok({ type: 'searchModels', id: 8, query: 'bert' });
  });

  it('keeps nested JSON inputs (tables, conversations) as they are', () => {
    const input = { model: 'google/tapas-base-finetuned-wtq', inputs: { query: 'How many?', table: { a: ['1', '2'], b: [true, null] } } };
    assert.deepEqual(ok({ type: 'run', id: 9, input }), { type: 'run', id: 9, input });
  });
});

describe('panel protocol: forged and malformed messages', () => {
  it('refuses what is not an object, or has no known type', () => {
    for (const m of [null, undefined, 42, 'run', [], [{ type: 'run' }], { type: 'exec' }, { type: 'RUN', id: 1 }, { id: 1 }, { type: 7 }]) refused(m);
  });

  it('refuses extra fields (a forged message cannot smuggle a token, a path or a URL)', () => {
    refused({ type: 'ready', token: 'hf_x' }, /unexpected field "token"/);
    refused({ type: 'copy', id: 1, text: 'x', path: '/etc/passwd' }, /unexpected field/);
    refused({ type: 'run', id: 1, input: { model: 'm', setup: { base_url: 'https://evil.example' } } }, /unexpected field "setup"/);
    refused({ type: 'run', id: 1, input: { model: 'm', image: 'abc' } }, /unexpected field "image"/);
    refused({ type: 'run', id: 1, input: { model: 'm', media: { name: 'a.png', mime: 'image/png', base64: png, uri: 'file:///etc/passwd' } } }, /unexpected field "uri"/);
    refused({ type: 'run', id: 1, input: { model: 'm', options: { wait_for_model: true, api_key: 'x' } } }, /unexpected field "api_key"/);
  });

  it('refuses bad ids', () => {
    for (const id of [-1, 1.5, '1', NaN, Infinity, 2 ** 60, null, undefined]) refused({ type: 'cancel', id });
  });

  it('refuses wrong types and oversized strings', () => {
    refused({ type: 'run', id: 1, input: { model: 42 } }, /model must be a string/);
    refused({ type: 'run', id: 1, input: 'm' });
    refused({ type: 'run', id: 1, input: { model: 'x'.repeat(301) } }, /longer/);
    refused({ type: 'searchModels', id: 1, query: 'q'.repeat(MAX_QUERY_CHARS + 1) }, /longer/);
    refused({ type: 'insert', id: 1, text: 'x'.repeat(MAX_TEXT_CHARS + 1) }, /longer/);
    refused({ type: 'insert', id: 1, text: { toString: 'x' } });
    refused({ type: 'run', id: 1, input: { model: 'm', options: { wait_for_model: 'yes' } } }, /true or false/);
    refused({ type: 'run', id: 1, input: { model: 'm', parameters: [] } }, /must be an object/);
  });

  it('refuses media that is not image/audio base64 within the size limit', () => {
    const media = (m: object) => ({ type: 'run', id: 1, input: { model: 'm', media: { name: 'f', mime: 'image/png', base64: png, ...m } } });
    refused(media({ mime: 'text/html' }), /image\/\* or audio\/\*/);
    refused(media({ mime: 'image/svg+xml;charset=utf-8' }), /mime/);
    refused(media({ mime: 'image/png"><script>' }), /mime/);
    refused(media({ base64: 'not base64!' }), /not base64/);
    refused(media({ base64: 'abc' }), /not base64/);
    refused(media({ base64: 'A'.repeat(Math.ceil(MAX_MEDIA_BYTES / 3) * 4 + 4) }), /longer/);
    refused(media({ name: 'n'.repeat(2000) }), /longer/);
  });

  it('refuses inputs that are not plain JSON: prototype keys, non-finite numbers, deep nesting', () => {
    refused({ type: 'run', id: 1, input: JSON.parse('{"model":"m","parameters":{"__proto__":{"polluted":true}}}') }, /forbidden key/);
    refused({ type: 'run', id: 1, input: { model: 'm', inputs: { constructor: 1 } } }, /forbidden key/);
    refused({ type: 'run', id: 1, input: { model: 'm', parameters: { top_k: Infinity } } }, /not finite/);
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i++) deep = [deep];
    refused({ type: 'run', id: 1, input: { model: 'm', inputs: deep } }, /nested too deeply/);
    refused({ type: 'run', id: 1, input: { model: 'm', inputs: new Date() } }, /not JSON/);
    refused({ type: 'run', id: 1, input: { model: 'm', inputs: 'x'.repeat(4_000_001) } }, /too large/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('never throws and never accepts a message with an unknown type, whatever it is given (fuzzed)', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true, withDate: true }), (m) => {
        const r = parseWebviewMessage(m);
        if (r.ok) assert.ok(['ready', 'run', 'cancel', 'validate', 'pickFile', 'useSelection', 'insert', 'copy', 'searchModels'].includes(r.message.type));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.record({ type: fc.constantFrom('run', 'validate', 'insert', 'copy', 'searchModels', 'cancel', 'pickFile'), id: fc.anything(), input: fc.anything(), text: fc.anything(), query: fc.anything() }, { requiredKeys: ['type'] }), (m) => {
        parseWebviewMessage(m);
      }),
      { numRuns: 3000 },
    );
  });
});
