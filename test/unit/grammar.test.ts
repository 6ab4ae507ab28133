// The TextMate grammars, tokenized as VS Code does (vscode-textmate + Oniguruma)
// over the real YAML grammar: task ids, spec field keys and every kind of `${…}`
// reference get their scopes in component files; recipes get theirs injected into
// plain YAML, and other YAML is left alone.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scopesOf, tokenize, type Token } from '../support/grammar';

const HF = 'huggingface-component';
const examples = join(__dirname, '..', '..', '..', 'examples');
const has = (scopes: string[], scope: string) => assert.ok(scopes.includes(scope), `expected ${scope} in ${scopes.join(' ')}`);
const lacks = (tokens: Token[], fragment: string) => assert.ok(tokens.every((t) => t.scopes.every((s) => !s.includes(fragment))), `no scope contains ${fragment}`);

describe('grammar: component files', function () {
  this.timeout(20_000);
  const text = [
    '# a ${file:ignored.txt} in a comment',
    'name: chain',
    'task: TASK_ZERO_SHOT_CLASSIFICATION',
    'input:',
    '  model: facebook/bart-large-mnli',
    '  inputs: "${file:notes/today.txt} and ${selection}"',
    '  parameters:',
    '    candidate_labels: ${first.output.results[0].label}',
    '    my_model: ${env:HF_LABEL}',
    'setup:',
    '  is_custom_endpoint: false',
  ].join('\n');
  let tokens: Token[];
  before(async () => {
    tokens = await tokenize(`source.${HF}`, text);
  });

  it('task ids', () => {
    const scopes = scopesOf(tokens, 'TASK_ZERO_SHOT_CLASSIFICATION');
    assert.equal(scopes[0], `source.${HF}`);
    has(scopes, `support.constant.task.${HF}`);
  });

  it('the spec\'s field keys, still YAML keys; other keys are plain YAML keys', () => {
    for (const key of ['name', 'task', 'input', 'model', 'inputs', 'parameters', 'setup', 'is_custom_endpoint']) {
      const scopes = scopesOf(tokens, key);
      has(scopes, 'entity.name.tag.yaml');
      has(scopes, `support.type.property-name.field.${HF}`);
    }
    const own = tokens.filter((t) => t.text.includes('y_model'))[0];
    assert.ok(!own.scopes.some((s) => s.includes('property-name.field')), 'my_model is not a spec field');
    has(own.scopes, 'entity.name.tag.yaml');
  });

  it('${file:…} inside a quoted string: keyword, path and punctuation', () => {
    has(scopesOf(tokens, '${'), `punctuation.definition.reference.begin.${HF}`);
    const file = scopesOf(tokens, 'file');
    has(file, 'string.quoted.double.yaml');
    has(file, `meta.reference.file.${HF}`);
    has(file, `keyword.other.reference.file.${HF}`);
    has(scopesOf(tokens, 'notes/today.txt'), `string.unquoted.path.${HF}`);
    has(scopesOf(tokens, '}'), `punctuation.definition.reference.end.${HF}`);
  });

  it('${selection} and ${env:…}', () => {
    has(scopesOf(tokens, 'selection'), `variable.language.selection.${HF}`);
    has(scopesOf(tokens, 'env'), `keyword.other.reference.env.${HF}`);
    has(scopesOf(tokens, 'HF_LABEL'), `variable.other.env.${HF}`);
  });

  it('${<name>.output.<field>} with indexing', () => {
    has(scopesOf(tokens, 'first'), `entity.name.component.${HF}`);
    has(scopesOf(tokens, 'output'), `keyword.other.reference.output.${HF}`);
    has(scopesOf(tokens, 'results'), `variable.other.property.${HF}`);
    has(scopesOf(tokens, '0'), `constant.numeric.index.${HF}`);
    has(scopesOf(tokens, '['), `punctuation.section.index.begin.${HF}`);
    has(scopesOf(tokens, 'label'), `variable.other.property.${HF}`);
    for (const t of ['first', 'output', 'results', 'label']) has(scopesOf(tokens, t), `meta.reference.output.${HF}`);
  });

  it('nothing is injected into comments', () => {
    const comment = tokens.filter((t) => t.text.includes('ignored.txt'));
    assert.equal(comment.length, 1);
    assert.deepEqual(comment[0].scopes.slice(1), ['comment.line.number-sign.yaml']);
  });

  it('tokenizes every example component file with task ids and references scoped', async () => {
    for (const name of ['text.hf.yaml', 'chain.hf.yaml', 'image.hf.yaml']) {
      const all = await tokenize(`source.${HF}`, readFileSync(join(examples, 'components', name), 'utf8'));
      assert.ok(all.some((t) => t.scopes.includes(`support.constant.task.${HF}`)), `${name}: a task id`);
    }
    const chain = await tokenize(`source.${HF}`, readFileSync(join(examples, 'components', 'chain.hf.yaml'), 'utf8'));
    assert.ok(chain.some((t) => t.scopes.includes(`meta.reference.output.${HF}`)), 'chain.hf.yaml: an output reference');
  });
});

describe('grammar: Instill recipes (injected into YAML)', function () {
  this.timeout(20_000);

  it('highlights type: hugging-face, task ids and the recipe\'s references in the example recipe', async () => {
    const tokens = await tokenize('source.yaml', readFileSync(join(examples, 'recipes', 'summarize-then-classify.yaml'), 'utf8'));
    assert.equal(scopesOf(tokens, 'hugging-face')[0], 'source.yaml');
    has(scopesOf(tokens, 'hugging-face'), `support.constant.component-type.${HF}`);
    has(scopesOf(tokens, 'TASK_SUMMARIZATION'), `support.constant.task.${HF}`);
    has(scopesOf(tokens, 'variable'), `keyword.other.reference.variable.${HF}`);
    has(scopesOf(tokens, 'text'), `variable.other.variable.${HF}`);
    has(scopesOf(tokens, 'secret'), `keyword.other.reference.secret.${HF}`);
    has(scopesOf(tokens, 'hf-token'), `variable.other.secret.${HF}`);
    has(scopesOf(tokens, 'hf-summarize'), `entity.name.component.${HF}`);
    has(scopesOf(tokens, 'summary-text'), `variable.other.property.${HF}`);
  });

  it('leaves other YAML alone: compose-style ${VAR}, a type that is not hugging-face, the component grammar\'s own forms', async () => {
    const tokens = await tokenize('source.yaml', ['services:', '  web:', '    image: ${IMAGE}', '    type: json', '    file: ${file:x.txt}', '    env: ${env:HOME}'].join('\n'));
    lacks(tokens, HF);
    has(scopesOf(tokens, 'son'), 'string.unquoted.plain.out.yaml');
  });
});
