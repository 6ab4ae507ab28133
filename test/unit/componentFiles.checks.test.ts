// What the editor reports while typing, each with its range and quick fix.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, parseFile, suggestTask, type FileKind, type Problem } from '../../src/extension/componentFiles';
import { applyEdits, rangeOf } from '../support/componentText';

function check(text: string, kind: FileKind = 'components', trusted = true) {
  const problems = checkFile(parseFile(text, kind), { trusted });
  return problems.map((p) => ({ code: p.code, severity: p.severity, range: rangeOf(text, p.span), message: p.message, fix: p.fix }));
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const fixed = (text: string, problem: { fix?: Problem['fix'] }) => applyEdits(text, problem.fix!.edits);

describe('component files: checks', () => {
  it('a valid file has no problems', () => {
    const text = lines('name: s', 'task: TASK_SUMMARIZATION', 'input:', '  model: facebook/bart-large-cnn', '  inputs: ${file:notes.txt}', '  parameters:', '    max_length: 60', '  options:', '    wait_for_model: true', 'setup:', '  base_url: https://example.endpoints.huggingface.cloud', '  is_custom_endpoint: true');
    assert.deepEqual(check(text), []);
  });

  it('every file in examples/ is free of problems (what `npm start` opens must not greet people with squiggles)', () => {
    const examples = join(__dirname, '..', '..', '..', 'examples');
    const files = [
      ...readdirSync(join(examples, 'components')).filter((n) => n.endsWith('.hf.yaml')).map((n) => [join('components', n), 'components'] as const),
      ...readdirSync(join(examples, 'recipes')).filter((n) => n.endsWith('.yaml')).map((n) => [join('recipes', n), 'recipe'] as const),
    ];
    assert.ok(files.length >= 8, `${files.length} example files`);
    const found = files.flatMap(([path, kind]) => check(readFileSync(join(examples, path), 'utf8'), kind).map((p) => `${path} ${p.range} ${p.code}: ${p.message}`));
    assert.deepEqual(found, []);
  });

  it('unknown task: "did you mean", with a fix', () => {
    for (const [typo, meant] of [['TASK_SUMARIZATION', 'TASK_SUMMARIZATION'], ['summarization', 'TASK_SUMMARIZATION'], ['task-fill-mask', 'TASK_FILL_MASK'], ['TASK_OBJECT_DETECT', 'TASK_OBJECT_DETECTION']]) {
      assert.equal(suggestTask(typo), meant, typo);
    }
    const text = lines('task: TASK_SUMARIZATION', 'input:', '  model: m', '  inputs: x');
    const [p] = check(text);
    assert.deepEqual([p.code, p.severity, p.range], ['unknown-task', 'error', '0:6-0:23']);
    assert.equal(p.message, 'Unknown task `TASK_SUMARIZATION` — did you mean `TASK_SUMMARIZATION`?');
    assert.equal(p.fix!.title, 'Change to `TASK_SUMMARIZATION`');
    assert.equal(fixed(text, p), text.replace('SUMARIZATION', 'SUMMARIZATION'));
    assert.equal(suggestTask('completely different'), undefined);
  });

  it('missing task', () => {
    const [p] = check(lines('input:', '  model: m'));
    assert.deepEqual([p.code, p.severity, p.range], ['missing-task', 'error', '0:0-0:0']);
    assert.match(p.message, /`task` is missing/);
  });

  it('missing model: on the `input` key, with a fix that adds the default model', () => {
    const text = lines('task: TASK_SUMMARIZATION', 'input:', '  inputs: hello');
    const [p] = check(text);
    assert.deepEqual([p.code, p.severity, p.range, p.message], ['invalid-field', 'error', '1:0-1:5', 'model is required.']);
    assert.equal(p.fix!.title, 'Add `model: facebook/bart-large-cnn`');
    assert.equal(fixed(text, p), lines('task: TASK_SUMMARIZATION', 'input:', '  model: facebook/bart-large-cnn', '  inputs: hello'));
    assert.deepEqual(check(fixed(text, p)), []);
  });

  it('missing input: a fix adds it with the default model', () => {
    const text = lines('task: TASK_IMAGE_CLASSIFICATION');
    const [p] = check(text);
    assert.deepEqual([p.code, p.range], ['invalid-field', '0:0-0:0']);
    assert.equal(fixed(text, p), lines('task: TASK_IMAGE_CLASSIFICATION', 'input:', '  model: google/vit-base-patch16-224'));
    const afterFix = check(fixed(text, p));
    assert.deepEqual(afterFix.map((q) => [q.message, q.range]), [['image is required.', '1:0-1:5']]);
  });

  it('unknown field with a typo fix, wrong types, bounds and enums, each on its value', () => {
    const text = lines(
      'task: TASK_TOKEN_CLASSIFICATION',
      'input:',
      '  model: dslim/bert-base-NER',
      '  input: My name is Sarah',
      '  parameters:',
      '    aggregation_strategy: loud',
      '  options:',
      '    wait_for_model: "yes"',
    );
    const problems = check(text);
    assert.deepEqual(problems.map((p) => [p.range, p.message]), [
      ['3:2-3:7', 'unknown field "input" (did you mean "inputs"?).'],
      ['5:26-5:30', 'parameters.aggregation_strategy must be one of: none, simple, first, average, max.'],
      ['7:20-7:25', 'options.wait_for_model must be true or false.'],
    ]);
    assert.equal(problems[0].fix!.title, 'Rename to `inputs`');
    assert.equal(fixed(text, problems[0]), text.replace('  input: My', '  inputs: My'));
    const bounds = check(lines('task: TASK_SUMMARIZATION', 'input:', '  model: m', '  inputs: x', '  parameters: {max_time: 500, top_k: 2.5}'));
    assert.deepEqual(bounds.map((p) => [p.range, p.message]), [['4:25-4:28', 'parameters.max_time must be <= 120.'], ['4:37-4:40', 'parameters.top_k must be an integer.']]);
  });

  it('undeclared parameters: a near miss is a warning with a fix, anything else is information', () => {
    const text = lines('task: TASK_SUMMARIZATION', 'input:', '  model: m', '  inputs: x', '  parameters:', '    max_lenght: 60', '    truncation: only_first');
    const [typo, other] = check(text);
    assert.deepEqual([typo.code, typo.severity, typo.range], ['unknown-parameter', 'warning', '5:4-5:14']);
    assert.equal(typo.message, '`max_lenght` is not a parameter of TASK_SUMMARIZATION — did you mean `max_length`? It would be sent as is.');
    assert.equal(fixed(text, typo), text.replace('max_lenght', 'max_length'));
    assert.deepEqual([other.code, other.severity, other.range, other.fix], ['unknown-parameter', 'information', '6:4-6:14', undefined]);
    assert.match(other.message, /^`truncation` is not one of TASK_SUMMARIZATION's declared parameters \(max_length, max_time,/);
  });

  it('unknown keys of a document, with a typo fix', () => {
    const text = lines('task: TASK_FILL_MASK', 'inptu:', '  model: m');
    const problems = check(text);
    const unknown = problems.find((p) => p.code === 'unknown-key')!;
    assert.deepEqual([unknown.severity, unknown.range], ['warning', '1:0-1:5']);
    assert.equal(unknown.message, 'Unknown key `inptu` (did you mean `input`?). A document has `task`, `input`, `setup`, `name`.');
    assert.equal(fixed(text, unknown), text.replace('inptu', 'input'));
  });

  it('a key written in the file is an error, in either spelling, with a fix that removes the line', () => {
    for (const key of ['api_key', 'api-key']) {
      const text = lines('task: TASK_FILL_MASK', 'input:', '  model: m', '  inputs: a [MASK]', 'setup:', `  ${key}: hf_secret`, '  is_custom_endpoint: false');
      const [p] = check(text);
      assert.deepEqual([p.code, p.severity, p.range], ['key-in-file', 'error', `5:${key.length + 4}-5:${key.length + 13}`]);
      assert.match(p.message, /^Do not write your Hugging Face key into a file/);
      assert.equal(fixed(text, p), lines('task: TASK_FILL_MASK', 'input:', '  model: m', '  inputs: a [MASK]', 'setup:', '  is_custom_endpoint: false'));
    }
  });

  it('setup: unknown fields, the retired endpoint, and overrides in untrusted workspaces', () => {
    const text = lines('task: TASK_FILL_MASK', 'input:', '  model: m', '  inputs: a [MASK]', 'setup:', '  base_url: https://api-inference.huggingface.co', '  timeout: 3');
    const [retired, unknown] = check(text);
    assert.deepEqual([retired.code, retired.severity, retired.range], ['retired-endpoint', 'information', '5:12-5:48']);
    assert.equal(retired.message, 'https://api-inference.huggingface.co is retired (it answers 410): runs use the base URL from your settings instead.');
    assert.equal(fixed(text, retired), text.replace('  base_url: https://api-inference.huggingface.co\n', ''));
    assert.deepEqual([unknown.code, unknown.severity, unknown.range], ['unknown-key', 'warning', '6:2-6:9']);
    const own = lines('task: TASK_FILL_MASK', 'input:', '  model: m', '  inputs: a [MASK]', 'setup:', '  base_url: https://my.endpoint.example');
    assert.deepEqual(check(own, 'components', true), []);
    const [untrusted] = check(own, 'components', false);
    assert.deepEqual([untrusted.code, untrusted.severity, untrusted.range], ['untrusted', 'warning', '5:12-5:39']);
  });

  it('references: unknown kinds, later or unknown documents, wrong output fields (with a fix), recipe-only kinds', () => {
    const text = lines(
      'name: first',
      'task: TASK_TEXT_CLASSIFICATION',
      'input: {model: m, inputs: "${selection}"}',
      '---',
      'task: TASK_SUMMARIZATION',
      'input:',
      '  model: m',
      '  inputs: "${first.output.results[0].lable} ${later.output.summary_text} ${nobody.output.x} ${clipboard} ${variable.x}"',
      '---',
      'name: later',
      'task: TASK_SUMMARIZATION',
      'input: {model: m, inputs: "${file:/etc/passwd}"}',
    );
    const problems = check(text);
    assert.deepEqual(problems.map((p) => [p.code, p.range]), [
      ['unknown-reference', '7:11-7:43'],
      ['reference-order', '7:44-7:72'],
      ['unknown-reference', '7:73-7:91'],
      ['unknown-reference', '7:92-7:104'],
      ['unknown-reference', '7:105-7:118'],
      ['unknown-reference', '11:27-11:46'],
    ]);
    const [label, later, nobody, clipboard, variable, absolute] = problems;
    assert.equal(label.message, "`results[0]` has no field `lable` (did you mean `label`?). Its fields: label, score.");
    assert.equal(label.fix!.title, 'Change to `${first.output.results[0].label}`');
    assert.equal(fixed(text, label), text.replace('.lable}', '.label}'));
    assert.equal(later.message, '`later` comes later in the file: a document can only use the outputs of documents above it.');
    assert.equal(nobody.message, 'No document is called `nobody` (known: first, later).');
    assert.match(clipboard.message, /^Unknown reference `\$\{clipboard\}`/);
    assert.match(variable.message, /belongs to Instill recipes/);
    assert.equal(absolute.message, '`${file:…}` takes a path relative to this file.');
  });

  it('a whole-value reference stands for any type; a wrong field name still is an error', () => {
    const text = lines(
      'name: labels',
      'task: TASK_ZERO_SHOT_CLASSIFICATION',
      'input: {model: m, inputs: x, parameters: {candidate_labels: [a, b]}}',
      '---',
      'task: TASK_ZERO_SHOT_CLASSIFICATION',
      'input:',
      '  model: m',
      '  inputs: ${labels.output.sequence}',
      '  parameters:',
      '    candidate_labels: ${labels.output.labels}',
    );
    assert.deepEqual(check(text), []);
  });

  it('env references are fine in trusted workspaces and warned about in untrusted ones', () => {
    const text = lines('task: TASK_FILL_MASK', 'input:', '  model: m', '  inputs: ${env:PROMPT}');
    assert.deepEqual(check(text, 'components', true), []);
    const [p] = check(text, 'components', false);
    assert.deepEqual([p.code, p.severity, p.range], ['untrusted', 'warning', '3:10-3:23']);
  });

  it('duplicate document names', () => {
    const text = lines('name: a', 'task: TASK_FILL_MASK', 'input: {model: m, inputs: x}', '---', 'name: a', 'task: TASK_FILL_MASK', 'input: {model: m, inputs: y}');
    const [p] = check(text);
    assert.deepEqual([p.code, p.severity, p.range, p.message], ['duplicate-name', 'error', '4:6-4:7', 'Another document above is already called `a`.']);
  });
});

describe('Instill recipes: checks', () => {
  const recipe = (component: string[], extra: string[] = []) =>
    lines('version: v1beta', 'variable:', '  text: {title: Text, type: string}', 'component:', ...component.map((l) => `  ${l}`), ...extra);

  it('kebab-case fields are checked as the spec\'s snake_case', () => {
    const text = recipe([
      'hf-0:',
      '  type: hugging-face',
      '  task: TASK_SUMMARIZATION',
      '  input:',
      '    model: facebook/bart-large-cnn',
      '    inputs: ${variable.text}',
      '    parameters: {min-length: 10, max-length: "sixty"}',
      '    options: {wait-for-model: true}',
      '  setup:',
      '    api-key: ${secret.hf-token}',
      '    base-url: https://api-inference.huggingface.co',
      '    is-custom-endpoint: false',
    ]);
    const problems = check(text, 'recipe');
    assert.deepEqual(problems.map((p) => [p.code, p.range, p.message]), [
      ['invalid-field', '10:47-10:54', 'parameters.max_length must be an integer.'],
      ['retired-endpoint', '14:16-14:52', 'https://api-inference.huggingface.co is retired (it answers 410): runs use the base URL from your settings instead.'],
    ]);
  });

  it('a written key, a secret outside the key, unknown variables and non-hugging-face sources', () => {
    const text = recipe([
      'hf-0:',
      '  type: hugging-face',
      '  task: TASK_SUMMARIZATION',
      '  input:',
      '    model: m',
      '    inputs: "${variable.txt} ${secret.hf-token} ${json-0.output.x}"',
      '  setup:',
      '    api-key: hf_written',
      'json-0:',
      '  type: json',
    ]);
    const problems = check(text, 'recipe');
    assert.deepEqual(problems.map((p) => [p.code, p.range]), [
      ['unknown-reference', '9:15-9:30'],
      ['unknown-reference', '9:31-9:49'],
      ['unknown-reference', '9:50-9:68'],
      ['key-in-file', '11:15-11:25'],
    ]);
    assert.equal(problems[0].message, 'The recipe has no variable `txt` (did you mean `text`?). Declare it under `variable:`.');
    assert.equal(problems[0].fix!.title, 'Change to `${variable.text}`');
    assert.equal(problems[1].message, "`${secret.…}` can only be the setup's `api-key`: your token is never put into an input.");
    assert.equal(problems[2].message, '`json-0` is not a hugging-face component: only those run in the editor.');
    assert.match(problems[3].message, /or name it as `\$\{secret\.hf-token\}`/);
  });

  it('cycles: every reference in the cycle says so', () => {
    const text = recipe([
      'hf-a:',
      '  type: hugging-face',
      '  task: TASK_SUMMARIZATION',
      '  input: {model: m, inputs: "${hf-b.output.translation-text}"}',
      'hf-b:',
      '  type: hugging-face',
      '  task: TASK_TRANSLATION',
      '  input: {model: m, inputs: "${hf-a.output.summary-text}"}',
    ]);
    const problems = check(text, 'recipe');
    assert.deepEqual(problems.map((p) => [p.code, p.range, p.message]), [
      ['reference-cycle', '7:31-7:62', "These components wait for each other's output: hf-a → hf-b → hf-a."],
      ['reference-cycle', '11:31-11:58', "These components wait for each other's output: hf-b → hf-a → hf-b."],
    ]);
  });

  it('unknown component keys are warned about; type and condition are known', () => {
    const text = recipe(['hf-0:', '  type: hugging-face', '  condition: ${variable.text} != ""', '  task: TASK_FILL_MASK', '  inptu: {model: m}', '  input: {model: m, inputs: "a [MASK]"}']);
    const problems = check(text, 'recipe');
    assert.deepEqual(problems.map((p) => [p.code, p.range]), [['unknown-key', '8:4-8:9']]);
  });
});
