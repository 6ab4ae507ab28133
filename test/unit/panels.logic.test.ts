// Pure logic behind the panel views: pasted tables, label colours, spans of
// entities and answers, the text a result copies, and host-side input conversion.
import * as assert from 'node:assert/strict';
import { columnsToGrid, detectDelimiter, gridFromRows, gridToColumns, parseDelimited, uniqueNames } from '../../src/shared/delimited';
import { assignColors, entityType, LABEL_PALETTE, parseColor } from '../../src/shared/labelColors';
import { outputText } from '../../src/shared/outputText';
import { answerSpan, entitySpans, splitBySpans } from '../../src/shared/spans';
import { findTask, sniffMediaType, validateInput } from '../../src/executor';
import { fromTaskInput, streamedOutput, toTaskInput } from '../../src/extension/panels/panelInput';
import { makePng } from '../support/media';

describe('panel tables: CSV/TSV paste', () => {
  it('detects tabs (spreadsheets), commas and semicolons', () => {
    assert.equal(detectDelimiter('a\tb\n1\t2'), '\t');
    assert.equal(detectDelimiter('a,b\n1,2'), ',');
    assert.equal(detectDelimiter('a;b;c\n1,5;2;3'), ';');
    assert.equal(detectDelimiter('"a;b",c\n'), ',');
  });

  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes; CRLF; no empty last row', () => {
    assert.deepEqual(parseDelimited('name,notes\r\n"Smith, J","said ""hi""\nthen left"\r\nBob,\r\n'), [
      ['name', 'notes'],
      ['Smith, J', 'said "hi"\nthen left'],
      ['Bob', ''],
    ]);
    assert.deepEqual(parseDelimited('a\tb\n1\t2\n'), [['a', 'b'], ['1', '2']]);
    assert.deepEqual(parseDelimited(''), []);
  });

  it('turns rows into the spec column map and back, padding ragged rows and naming unnamed or repeated columns', () => {
    const grid = gridFromRows([['Repository', 'Stars', ''], ['Transformers', '36542'], ['Datasets', '4512', 'x']]);
    assert.deepEqual(grid.rows[0], ['Transformers', '36542', '']);
    assert.deepEqual(gridToColumns(grid), { Repository: ['Transformers', 'Datasets'], Stars: ['36542', '4512'], 'Column 3': ['', 'x'] });
    assert.deepEqual(uniqueNames(['a', 'a', ' ', 'a']), ['a', 'a (2)', 'Column 3', 'a (3)']);
    assert.deepEqual(columnsToGrid({ a: ['1', 2, true], b: ['x'] }), { header: ['a', 'b'], rows: [['1', 'x'], ['2', ''], ['true', '']] });
  });
});

describe('panel label colours', () => {
  it('gives labels slots in order of first appearance, the same label always the same slot', () => {
    const c = assignColors(['cat', 'remote', 'cat', 'dog']);
    assert.deepEqual([...c.entries()], [['cat', 0], ['remote', 1], ['dog', 2]]);
  });

  it('wraps after the palette and groups B-/I- tags of one entity type', () => {
    const many = assignColors(Array.from({ length: LABEL_PALETTE.length + 2 }, (_, i) => `l${i}`));
    assert.equal(many.get(`l${LABEL_PALETTE.length}`), 0);
    const tags = assignColors(['B-PER', 'I-PER', 'B-LOC', 'PER'], entityType);
    assert.deepEqual([...tags.values()], [0, 0, 1, 0]);
  });

  it('parses the theme colour forms VS Code uses', () => {
    assert.deepEqual(parseColor('#3794ff'), [0x37, 0x94, 0xff]);
    assert.deepEqual(parseColor(' #abc '), [0xaa, 0xbb, 0xcc]);
    assert.deepEqual(parseColor('#3794ffcc'), [0x37, 0x94, 0xff]);
    assert.deepEqual(parseColor('rgba(1, 2, 300, 0.5)'), [1, 2, 255]);
    assert.deepEqual(parseColor('color(srgb 0.2 0.6 1 / 0.28)'), [51, 153, 255], 'what color-mix computes to');
    assert.equal(parseColor('var(--x)'), undefined);
    for (const p of LABEL_PALETTE) assert.ok(parseColor(p.fallback));
  });
});

describe('panel spans', () => {
  const text = 'My name is Sarah Jessica Parker and I live in Paris.';

  it('places entities by their offsets, or by their words when offsets are missing or wrong', () => {
    const spans = entitySpans(text, [
      { entity_group: 'PER', word: 'Sarah Jessica Parker', start: 11, end: 31, score: 0.99 },
      { entity_group: 'LOC', word: 'Paris', score: 0.98 },
      { entity_group: 'LOC', word: 'nowhere' },
      { entity_group: 'X', word: 'y', start: 40, end: 999 },
    ]);
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['Sarah Jessica Parker', 'Paris']);
    assert.deepEqual(splitBySpans(text, spans).map((p) => [p.text, p.span?.label]), [
      ['My name is ', undefined],
      ['Sarah Jessica Parker', 'PER'],
      [' and I live in ', undefined],
      ['Paris', 'LOC'],
      ['.', undefined],
    ]);
  });

  it('drops overlapping entities and strips subword markers', () => {
    const spans = entitySpans('Hugging Face rocks', [
      { entity_group: 'ORG', word: 'Hugging Face', start: 0, end: 12 },
      { entity_group: 'MISC', word: 'Face', start: 8, end: 12 },
      { entity_group: 'V', word: '##rocks' },
    ]);
    assert.deepEqual(spans.map((s) => s.label), ['ORG', 'V']);
  });

  it('finds the answer in the context by offsets (start/stop), else by text', () => {
    const context = 'The capital of France is Paris.';
    assert.deepEqual(answerSpan(context, { answer: 'Paris', start: 25, stop: 30 }), { start: 25, end: 30 });
    assert.deepEqual(answerSpan(context, { answer: 'Paris', start: 0, stop: 3 }), { start: 25, end: 30 });
    assert.deepEqual(answerSpan(context, { answer: 'paris' }), { start: 25, end: 30 });
    assert.equal(answerSpan(context, { answer: 'Berlin' }), undefined);
    assert.equal(answerSpan(context, { answer: '' }), undefined);
  });
});

describe('panel result text (Copy / Insert into editor)', () => {
  it('is the text of text results and nothing for scores', () => {
    assert.equal(outputText('TASK_SUMMARIZATION', { summary_text: 's' }), 's');
    assert.equal(outputText('TASK_TRANSLATION', { translation_text: 't' }), 't');
    assert.equal(outputText('TASK_FILL_MASK', { results: [{ sequence: 'the world', score: 1, token_str: 'the' }] }), 'the world');
    assert.equal(outputText('TASK_SPEECH_RECOGNITION', { text: 'hello' }), 'hello');
    assert.equal(outputText('TASK_TEXT_CLASSIFICATION', { results: [] }), undefined);
    assert.equal(outputText('TASK_OBJECT_DETECTION', { objects: [] }), undefined);
    assert.equal(outputText('TASK_SUMMARIZATION', null), undefined);
  });
});

describe('panel input conversion (host side)', () => {
  const image = findTask('TASK_IMAGE_CLASSIFICATION')!;
  const chat = findTask('TASK_CONVERSATIONAL')!;
  const png = makePng(4, 3);

  it('puts the media under the task media field and validates with the executor', () => {
    const input = toTaskInput(image, { model: ' google/vit-base-patch16-224 ', media: { name: 'a.png', mime: 'image/png', base64: png.toString('base64') } });
    assert.deepEqual(input, { model: 'google/vit-base-patch16-224', image: png.toString('base64') });
    assert.deepEqual(validateInput(image.id, input), []);
    assert.deepEqual(validateInput(image.id, toTaskInput(image, { model: 'm' })).map((p) => p.field), ['/image']);
  });

  it('builds the conversation of a streamed chat turn like execute() does', () => {
    const input = { model: 'm', inputs: { text: 'and now?', past_user_inputs: ['hi'], generated_responses: ['hello'] } };
    assert.deepEqual(streamedOutput(chat, input, 'Reply 2'), { generated_text: 'Reply 2', conversation: { past_user_inputs: ['hi', 'and now?'], generated_responses: ['hello', 'Reply 2'] } });
    assert.deepEqual(streamedOutput(findTask('TASK_TEXT_GENERATION')!, { model: 'm', inputs: 'a' }, ' b'), { generated_text: ' b' });
  });

  it('turns another command\'s input (bytes, base64, data URI, Blob) into a panel input with a sniffed type', async () => {
    for (const media of [png, new Uint8Array(png), png.toString('base64'), `data:image/png;base64,${png.toString('base64')}`, new Blob([png])]) {
      const p = await fromTaskInput(image, { model: 'm', image: media }, sniffMediaType, 'shot.png');
      assert.deepEqual(p, { model: 'm', media: { name: 'shot.png', mime: 'image/png', base64: png.toString('base64') } });
    }
    const text = await fromTaskInput(findTask('TASK_SUMMARIZATION')!, { model: 'm', inputs: 'x', parameters: { max_length: 3 } }, sniffMediaType);
    assert.deepEqual(text, { model: 'm', inputs: 'x', parameters: { max_length: 3 } });
  });
});
