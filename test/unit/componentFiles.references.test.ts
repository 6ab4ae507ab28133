// `${…}` references: what each form means, where it is in the file, and how it is
// replaced when a unit runs.
import * as assert from 'node:assert/strict';
import { fileReferences, parseFile, parseReference } from '../../src/extension/componentFiles';
import { findReferences } from '../../src/extension/componentFiles/references';
import { interpolate, resolveReference, type ResolveState } from '../../src/extension/componentFiles/resolve';
import { fakeHost } from '../support/componentHost';
import { rangeOf } from '../support/componentText';

describe('component files: references', () => {
  it('reads every form', () => {
    assert.deepEqual(parseReference('file:images/cat.png'), { kind: 'file', path: 'images/cat.png' });
    assert.deepEqual(parseReference(' selection '), { kind: 'selection' });
    assert.deepEqual(parseReference('env:HF_PROMPT'), { kind: 'env', name: 'HF_PROMPT' });
    assert.deepEqual(parseReference('hf-0.output.results[0].label'), { kind: 'output', source: 'hf-0', path: ['results', 0, 'label'] });
    assert.deepEqual(parseReference('summary.output'), { kind: 'output', source: 'summary', path: [] });
    assert.deepEqual(parseReference('a.output.conversation.past_user_inputs[2]'), { kind: 'output', source: 'a', path: ['conversation', 'past_user_inputs', 2] });
    assert.deepEqual(parseReference('variable.text'), { kind: 'variable', name: 'text' });
    assert.deepEqual(parseReference('secret.hf-token'), { kind: 'secret', name: 'hf-token' });
    for (const bad of ['file:', 'env:1X', 'hf-0.outputs.x', 'a.output.[0]', 'HOME', '']) assert.equal(parseReference(bad).kind, 'invalid', bad);
  });

  it('finds references with their spans in plain, quoted and escaped scalars, and in lists', () => {
    const text = [
      'task: TASK_SENTENCE_SIMILARITY',
      'input:',
      '  model: m',
      '  inputs:',
      '    source_sentence: "${selection} and ${env:X}"',
      '    sentences:',
      '      - ${a.output.text}',
      "      - 'said \"${file:b.txt}\"'",
      '      - "tab\\t${file:c.txt}"',
      '',
    ].join('\n');
    const file = parseFile(text, 'components');
    const found = findReferences(file, file.units[0]);
    assert.deepEqual(found.map((f) => [f.body, rangeOf(text, f.span), f.at.join('.'), f.whole]), [
      ['selection', '4:22-4:34', 'input.inputs.source_sentence', false],
      ['env:X', '4:39-4:47', 'input.inputs.source_sentence', false],
      ['a.output.text', '6:8-6:24', 'input.inputs.sentences.0', true],
      ['file:b.txt', '7:15-7:28', 'input.inputs.sentences.1', false],
      ['file:c.txt', '8:14-8:27', 'input.inputs.sentences.2', false],
    ]);
  });

  it('lists the files a file refers to, for the editor to check', () => {
    const text = 'task: TASK_FILL_MASK\ninput: {model: m, inputs: "${file:a.txt} ${selection}"}\n---\ntask: TASK_IMAGE_TO_TEXT\ninput:\n  image: ${file:media/x.png}\n';
    assert.deepEqual(fileReferences(parseFile(text, 'components')).map((r) => [r.path, rangeOf(text, r.span)]), [['a.txt', '1:27-1:40'], ['media/x.png', '5:9-5:28']]);
  });

  it('replaces a whole-value reference by the value itself, embedded ones by text', () => {
    const values = new Map<string, unknown>([['a', ['x', 'y']], ['b', 0.5], ['c', 'text']]);
    assert.deepEqual(interpolate('${a}', values), ['x', 'y']);
    assert.deepEqual(interpolate('  ${b} ', values), 0.5);
    assert.equal(interpolate('${c}: ${b} of ${a}', values), 'text: 0.5 of ["x","y"]');
    assert.equal(interpolate('no references', values), 'no references');
  });

  it('gives recipe variables the declared type', async () => {
    const text = ['version: v1beta', 'variable:', '  n: {type: number}', '  flag: {type: boolean}', '  tags: {type: "array:string"}', '  json: {type: array}', '  s: {title: S}', 'component: {}', ''].join('\n');
    const file = parseFile(text, 'recipe');
    const host = fakeHost({ baseUrl: 'http://127.0.0.1:9', answers: { n: '42', flag: 'TRUE', tags: 'a, b ,c', json: '["x", 1]', s: '7' } });
    const state: ResolveState = { host, variables: file.variables, outputs: new Map(), answers: new Map() };
    const value = (name: string) => resolveReference({ ref: { kind: 'variable', name }, body: `variable.${name}`, span: { start: 0, end: 0 }, at: ['input', 'inputs'], whole: true }, state);
    assert.equal(await value('n'), 42);
    assert.equal(await value('flag'), true);
    assert.deepEqual(await value('tags'), ['a', 'b', 'c']);
    assert.deepEqual(await value('json'), ['x', 1]);
    assert.equal(await value('s'), '7');
    assert.equal(await value('n'), 42);
    assert.deepEqual(host.asked, ['n', 'flag', 'tags', 'json', 's'], 'each variable is asked once per run');
  });

  it('a variable whose value cannot be had (a picked file too large) fails on its reference, saying why', async () => {
    const file = parseFile(['version: v1beta', 'variable:', '  photo: {instill-format: "image/*"}', 'component: {}', ''].join('\n'), 'recipe');
    const host = { ...fakeHost({ baseUrl: 'http://127.0.0.1:9' }), askVariable: async () => Promise.reject(new Error('it is 80 MB, over the 50 MB limit')) };
    const state: ResolveState = { host, variables: file.variables, outputs: new Map(), answers: new Map() };
    const span = { start: 3, end: 9 };
    await assert.rejects(resolveReference({ ref: { kind: 'variable', name: 'photo' }, body: 'variable.photo', span, at: ['input', 'image'], whole: true }, state), (e: Error & { found?: { span: unknown } }) => {
      assert.equal(e.message, 'Cannot use the value for `photo`: it is 80 MB, over the 50 MB limit');
      assert.deepEqual(e.found?.span, span);
      return true;
    });
  });

  it('reads files as text, or as base64 for media (by extension or by the media field)', async () => {
    const host = fakeHost({ baseUrl: 'http://127.0.0.1:9', files: { 'a.txt': 'héllo', 'b.png': new Uint8Array([1, 2, 3]), 'raw.bin': new Uint8Array([255, 0]) } });
    const state: ResolveState = { host, variables: new Map(), outputs: new Map(), answers: new Map() };
    const read = (path: string, at: string[]) => resolveReference({ ref: { kind: 'file', path }, body: `file:${path}`, span: { start: 0, end: 0 }, at, whole: true }, state);
    assert.equal(await read('a.txt', ['input', 'inputs']), 'héllo');
    assert.equal(await read('b.png', ['input', 'inputs']), 'AQID');
    assert.equal(await read('raw.bin', ['input', 'image']), '/wA=');
  });
});
