// Parsing component files and recipes: documents and components as units, with
// the positions the editor features use.
import * as assert from 'node:assert/strict';
import { looksLikeRecipe, parseFile } from '../../src/extension/componentFiles';
import { rangeOf } from '../support/componentText';

describe('component files: parsing', () => {
  it('finds each document with its name, task and positions', () => {
    const text = [
      '# first',
      'name: summary',
      'task: TASK_SUMMARIZATION',
      'input:',
      '  model: facebook/bart-large-cnn',
      '  inputs: hello',
      '---',
      'task: TASK_TRANSLATION',
      'input: {model: google-t5/t5-small, inputs: hi}',
      '',
    ].join('\n');
    const file = parseFile(text, 'components');
    assert.equal(file.kind, 'components');
    assert.deepEqual(file.problems, []);
    assert.equal(file.units.length, 2);
    const [first, second] = file.units;
    assert.equal(first.index, 0);
    assert.equal(first.id, 'summary');
    assert.equal(rangeOf(text, first.idSpan!), '1:6-1:13');
    assert.equal(first.task, 'TASK_SUMMARIZATION');
    assert.equal(rangeOf(text, first.taskSpan!), '2:6-2:24');
    assert.equal(rangeOf(text, first.lensSpan), '1:0-1:0', 'the lens sits on the first line of content, below leading comments');
    assert.equal(rangeOf(text, first.span), '1:0-6:0');
    assert.equal(first.indent, 0);
    assert.equal(second.id, undefined);
    assert.equal(second.task, 'TASK_TRANSLATION');
    assert.equal(rangeOf(text, second.lensSpan), '7:0-7:0');
  });

  it('skips empty documents and reports documents that are not maps', () => {
    const text = '---\n# nothing here\n---\n- a list\n---\ntask: TASK_FILL_MASK\n---\n';
    const file = parseFile(text, 'components');
    assert.deepEqual(file.units.map((u) => u.task), ['TASK_FILL_MASK']);
    assert.equal(file.units[0].index, 0);
    assert.deepEqual(file.problems.map((p) => [p.code, p.severity, rangeOf(text, p.span)]), [['not-a-component', 'error', '3:0-4:0']]);
  });

  it('reports YAML syntax errors where they are', () => {
    const text = 'task: TASK_FILL_MASK\ninput:\n  model: [unclosed\n';
    const file = parseFile(text, 'components');
    const syntax = file.problems.filter((p) => p.code === 'syntax');
    assert.ok(syntax.length >= 1);
    assert.equal(syntax[0].severity, 'error');
    assert.match(syntax[0].message, /flow sequence|\]/i);
    assert.equal(rangeOf(text, syntax[0].span).split(':')[0], '3', 'at the end where the ] is missing');
  });

  it('reports a duplicate key as an error', () => {
    const text = 'task: TASK_FILL_MASK\ntask: TASK_SUMMARIZATION\n';
    const problems = parseFile(text, 'components').problems;
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'syntax');
    assert.match(problems[0].message, /unique/i);
    assert.equal(rangeOf(text, problems[0].span), '1:0-1:4');
  });
});

describe('Instill recipes: parsing', () => {
  const recipe = [
    'version: v1beta',
    'variable:',
    '  text:',
    '    title: Text',
    '    instill-format: string',
    'component:',
    '  hf-0:',
    '    type: hugging-face',
    '    task: TASK_SUMMARIZATION',
    '    input:',
    '      inputs: ${variable.text}',
    '  json-0:',
    '    type: json',
    '    task: TASK_MARSHAL',
    '  hf-1: {type: hugging-face, task: TASK_FILL_MASK}',
    'output:',
    '  s: {title: S, value: "${hf-0.output.summary-text}"}',
    '',
  ].join('\n');

  it('is recognised by version v1beta and a component map, and nothing else is', () => {
    assert.equal(looksLikeRecipe(recipe), true);
    assert.equal(looksLikeRecipe("version: 'v1beta' # pinned\ncomponent:\n"), true);
    assert.equal(looksLikeRecipe('version: v1beta\nservices:\n'), false);
    assert.equal(looksLikeRecipe('version: "3.8"\ncomponent:\n'), false);
    assert.equal(looksLikeRecipe('name: ci\non: push\n'), false);
  });

  it('makes a unit of every hugging-face component, keeps the others by id, and reads the variables', () => {
    const file = parseFile(recipe, 'recipe');
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.units.map((u) => [u.index, u.id, u.task, u.indent]), [[0, 'hf-0', 'TASK_SUMMARIZATION', 4], [1, 'hf-1', 'TASK_FILL_MASK', 4]]);
    assert.deepEqual([...file.otherComponents], ['json-0']);
    assert.equal(rangeOf(recipe, file.units[0].lensSpan), '6:2-6:6', 'the lens sits on the component id');
    assert.equal(rangeOf(recipe, file.units[0].span), '6:2-11:0');
    assert.deepEqual([...file.variables.values()].map((v) => [v.name, v.title, v.type, rangeOf(recipe, v.span)]), [['text', 'Text', 'string', '2:2-2:6']]);
  });

  it('has no units when there is no component map', () => {
    const file = parseFile('version: v1beta\nvariable: {}\n', 'recipe');
    assert.deepEqual(file.units, []);
  });
});
