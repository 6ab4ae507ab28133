// Where results go: a `# result:` block under the unit that replaces only its own
// earlier block, or the sibling .out.json.
import * as assert from 'node:assert/strict';
import { outFileContent, outFileName, parseFile, resultCommentEdit, resultCommentEdits, type FileKind, type UnitRun } from '../../src/extension/componentFiles';
import { applyEdits } from '../support/componentText';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

function runOf(text: string, kind: FileKind, index: number, output: unknown, durationMs = 12): UnitRun {
  const unit = parseFile(text, kind).units[index];
  return { unit, task: unit.task!, input: { model: 'm/x' }, output, durationMs };
}

function write(text: string, kind: FileKind, index: number, output: unknown, durationMs = 12): string {
  const file = parseFile(text, kind);
  return applyEdits(text, [resultCommentEdit(file, { ...runOf(text, kind, index, output, durationMs), unit: file.units[index] })]);
}

describe('component files: results', () => {
  const twoDocs = lines('task: TASK_SUMMARIZATION', 'input: {model: m/x, inputs: a}', '# my own note', '---', 'task: TASK_TEXT_CLASSIFICATION', 'input: {model: m/x, inputs: b}');

  it('appends a commented YAML block right under the document, above the user\'s comments', () => {
    const out = write(twoDocs, 'components', 0, { summary_text: 'short' });
    assert.equal(out, lines('task: TASK_SUMMARIZATION', 'input: {model: m/x, inputs: a}', '# result: TASK_SUMMARIZATION · m/x · 12 ms', '#   summary_text: short', '# my own note', '---', 'task: TASK_TEXT_CLASSIFICATION', 'input: {model: m/x, inputs: b}'));
    const parsed = parseFile(out, 'components');
    assert.deepEqual(parsed.problems, [], 'the file stays valid YAML');
    assert.equal(parsed.units.length, 2);
  });

  it('replaces its own earlier block and nothing else, again and again', () => {
    let text = write(twoDocs, 'components', 1, { results: [{ label: 'POSITIVE', score: 0.9 }, { label: 'NEGATIVE', score: 0.1 }] });
    assert.equal(text, `${twoDocs}# result: TASK_TEXT_CLASSIFICATION · m/x · 12 ms\n#   results:\n#     - label: POSITIVE\n#       score: 0.9\n#     - label: NEGATIVE\n#       score: 0.1\n`);
    text = `${text}# kept: written by the user\n`;
    text = write(text, 'components', 1, { results: [{ label: 'NEGATIVE', score: 0.7 }] }, 40);
    assert.equal(text, `${twoDocs}# result: TASK_TEXT_CLASSIFICATION · m/x · 40 ms\n#   results:\n#     - label: NEGATIVE\n#       score: 0.7\n# kept: written by the user\n`);
    const again = write(text, 'components', 1, { results: [{ label: 'NEGATIVE', score: 0.7 }] }, 40);
    assert.equal(again, text, 'the same result gives the same text');
  });

  it('a file without a final newline, lists of plain values on one line, long strings shortened', () => {
    const text = 'task: TASK_ZERO_SHOT_CLASSIFICATION\ninput: {model: m/x, inputs: a, parameters: {candidate_labels: [x, y]}}';
    const out = write(text, 'components', 0, { labels: ['x', 'y'], scores: [0.75, 0.25], mask: `data:image/png;base64,${'A'.repeat(400)}` });
    assert.equal(out, `${text}\n# result: TASK_ZERO_SHOT_CLASSIFICATION · m/x · 12 ms\n#   labels: [x, y]\n#   scores: [0.75, 0.25]\n#   mask: data:image/png;base64,${'A'.repeat(38)}… (422 characters)\n`);
  });

  it('in a recipe, the block is indented inside the component, and several runs are one set of edits', () => {
    const recipe = lines('version: v1beta', 'component:', '  a:', '    type: hugging-face', '    task: TASK_SUMMARIZATION', '    input: {model: m/x, inputs: t}', '  b:', '    type: hugging-face', '    task: TASK_TRANSLATION', '    input: {model: m/x, inputs: t}', 'output: {}');
    const file = parseFile(recipe, 'recipe');
    const runs: UnitRun[] = [
      { unit: file.units[0], task: 'TASK_SUMMARIZATION', input: { model: 'm/x' }, output: { summary_text: 's' }, durationMs: 1 },
      { unit: file.units[1], task: 'TASK_TRANSLATION', input: { model: 'm/x' }, output: { translation_text: 't' }, durationMs: 2 },
    ];
    const out = applyEdits(recipe, resultCommentEdits(file, runs));
    assert.equal(out, lines('version: v1beta', 'component:', '  a:', '    type: hugging-face', '    task: TASK_SUMMARIZATION', '    input: {model: m/x, inputs: t}', '    # result: TASK_SUMMARIZATION · m/x · 1 ms', '    #   summary_text: s', '  b:', '    type: hugging-face', '    task: TASK_TRANSLATION', '    input: {model: m/x, inputs: t}', '    # result: TASK_TRANSLATION · m/x · 2 ms', '    #   translation_text: t', 'output: {}'));
    const reparsed = parseFile(out, 'recipe');
    assert.deepEqual(reparsed.problems, []);
    assert.deepEqual(reparsed.units.map((u) => u.id), ['a', 'b']);
  });
});

describe('component files: .out.json', () => {
  it('is named after the file', () => {
    assert.equal(outFileName('summarize.hf.yaml'), 'summarize.out.json');
    assert.equal(outFileName('chain.hf.yml'), 'chain.out.json');
    assert.equal(outFileName('summarize-then-classify.yaml'), 'summarize-then-classify.out.json');
  });

  it('keeps earlier results, adds or replaces the runs\' results by name or position', () => {
    const text = lines('name: first', 'task: TASK_SUMMARIZATION', 'input: {model: m/x, inputs: a}', '---', 'task: TASK_TRANSLATION', 'input: {model: m/x, inputs: b}');
    const first = runOf(text, 'components', 0, { summary_text: 'one' });
    const second = runOf(text, 'components', 1, { translation_text: 'deux' });
    const once = outFileContent(undefined, [first]);
    assert.deepEqual(JSON.parse(once), { first: { task: 'TASK_SUMMARIZATION', model: 'm/x', output: { summary_text: 'one' } } });
    assert.ok(once.endsWith('}\n'));
    const twice = outFileContent(once, [second, { ...first, output: { summary_text: 'uno' } }]);
    assert.deepEqual(JSON.parse(twice), {
      first: { task: 'TASK_SUMMARIZATION', model: 'm/x', output: { summary_text: 'uno' } },
      '#2': { task: 'TASK_TRANSLATION', model: 'm/x', output: { translation_text: 'deux' } },
    });
    assert.deepEqual(JSON.parse(outFileContent('not json {', [second])), { '#2': { task: 'TASK_TRANSLATION', model: 'm/x', output: { translation_text: 'deux' } } });
  });
});
