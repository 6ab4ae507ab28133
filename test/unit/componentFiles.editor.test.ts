// Completions and hovers, computed from the text and the executor's schemas.
import * as assert from 'node:assert/strict';
import { completions, filePathAt, hoverAt, parseFile, type FileKind } from '../../src/extension/componentFiles';
import { rangeOf } from '../support/componentText';

/** Completions at `|` in `text` (the marker is removed). */
function complete(marked: string, kind: FileKind = 'components') {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const items = completions(parseFile(text, kind), offset);
  return { labels: items.map((i) => i.label), items, text };
}

function hover(marked: string, kind: FileKind = 'components') {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const info = hoverAt(parseFile(text, kind), offset);
  return info && { markdown: info.markdown, range: rangeOf(text, info.span) };
}

describe('component files: completions', () => {
  it('task ids after `task:`, with their titles, replacing what was typed', () => {
    const { items, text } = complete('task: TASK_SUM|\n');
    assert.equal(items.length, 17);
    const summarization = items.find((i) => i.label === 'TASK_SUMMARIZATION')!;
    assert.equal(summarization.detail, 'Summarization');
    assert.equal(summarization.kind, 'task');
    assert.match(summarization.documentation!, /default model `facebook\/bart-large-cnn`/);
    assert.equal(rangeOf(text, summarization.replace), '0:6-0:14');
  });

  it('inside `${file:…}`: the path typed so far, for the editor to list files; no other names', () => {
    const at = (marked: string) => {
      const offset = marked.indexOf('|');
      const text = marked.slice(0, offset) + marked.slice(offset + 1);
      const path = filePathAt(text, offset);
      return path && { typed: path.typed, range: rangeOf(text, path.replace) };
    };
    assert.deepEqual(at('task: X\ninput:\n  image: ${file:|'), { typed: '', range: '2:16-2:16' });
    assert.deepEqual(at('task: X\ninput:\n  image: ${file:media/ca|'), { typed: 'media/ca', range: '2:16-2:24' });
    assert.equal(at('  image: ${file:media/cat.png}|'), undefined, 'the reference is closed');
    assert.equal(at('  inputs: ${selection|'), undefined);
    assert.equal(at('  inputs: ${fi|'), undefined, 'not yet a file reference');
    assert.deepEqual(complete('task: TASK_IMAGE_CLASSIFICATION\ninput:\n  image: ${file:med|').labels, []);
  });

  it('a document\'s keys, leaving out the ones already there', () => {
    assert.deepEqual(complete('task: TASK_FILL_MASK\n|\n').labels, ['input', 'setup', 'name']);
    assert.deepEqual(complete('|').labels, ['task', 'input', 'setup', 'name']);
    const input = complete('task: TASK_FILL_MASK\ni|\n').items.find((i) => i.label === 'input')!;
    assert.equal(input.insertText, 'input:\n  ', 'maps open an indented line');
  });

  it('the task\'s input fields, parameters (with their docs) and options', () => {
    const text = 'task: TASK_SUMMARIZATION\ninput:\n  model: m\n  |\n';
    assert.deepEqual(complete(text).labels, ['inputs', 'parameters', 'options']);
    const params = complete('task: TASK_SUMMARIZATION\ninput:\n  model: m\n  parameters:\n    max_length: 3\n    |\n');
    assert.deepEqual(params.labels, ['max_time', 'min_length', 'repetition_penalty', 'temperature', 'top_k', 'top_p']);
    const temperature = params.items.find((i) => i.label === 'temperature')!;
    assert.deepEqual([temperature.kind, temperature.detail, temperature.insertText], ['parameter', 'number · 0–100', 'temperature: ']);
    assert.match(temperature.documentation!, /^Sampling temperature/);
    assert.deepEqual(complete('task: TASK_QUESTION_ANSWERING\ninput:\n  inputs:\n    |\n').labels, ['question', 'context']);
    assert.deepEqual(complete('task: TASK_IMAGE_TO_TEXT\ninput:\n  |\n').labels, ['model', 'image', 'options']);
    assert.deepEqual(complete('task: TASK_FILL_MASK\ninput:\n  options:\n    |\n').labels, ['wait_for_model', 'use_cache', 'use_gpu']);
    assert.deepEqual(complete('task: TASK_FILL_MASK\nsetup:\n  |\n').labels, ['base_url', 'is_custom_endpoint']);
  });

  it('values: the default model, enums, booleans and ${file:} for media', () => {
    assert.deepEqual(complete('task: TASK_OBJECT_DETECTION\ninput:\n  model: |\n').labels, ['facebook/detr-resnet-50']);
    assert.deepEqual(complete('task: TASK_TOKEN_CLASSIFICATION\ninput:\n  parameters:\n    aggregation_strategy: s|\n').labels, ['none', 'simple', 'first', 'average', 'max']);
    assert.deepEqual(complete('task: TASK_ZERO_SHOT_CLASSIFICATION\ninput:\n  parameters:\n    multi_label: |\n').labels, ['true', 'false']);
    const image = complete('task: TASK_OBJECT_DETECTION\ninput:\n  image: |\n').items[0];
    assert.deepEqual([image.label, image.insertText], ['${file:…}', '${file:}']);
  });

  it('the task is read from the text while the document does not parse yet', () => {
    assert.deepEqual(complete('task: TASK_SPEECH_RECOGNITION\ninput: [\n---\ntask: TASK_TRANSLATION\ninput:\n  |\n').labels, ['model', 'inputs', 'parameters', 'options']);
    assert.deepEqual(complete('task: TASK_SPEECH_RECOGNITION\ninput:\n  model: [oops\n  |\n').labels, ['audio', 'options'], 'model is there, even if broken');
  });

  it('references: the kinds and the documents above; then the output fields of the one named', () => {
    const text = 'name: cls\ntask: TASK_TEXT_CLASSIFICATION\ninput: {model: m, inputs: x}\n---\nname: sum\ntask: TASK_SUMMARIZATION\ninput:\n  model: m\n  inputs: "${|"\n---\nname: later\ntask: TASK_FILL_MASK\n';
    assert.deepEqual(complete(text).labels, ['file:', 'selection', 'env:', 'cls.output.']);
    assert.deepEqual(complete(text.replace('"${|"', '"${cls.output.|"')).labels, ['results']);
    const index = complete(text.replace('"${|"', '"${cls.output.results.|"'));
    assert.deepEqual(index.items.map((i) => [i.label, i.insertText, rangeOf(index.text, i.replace)]), [['[0]', '[0]', '8:31-8:32']], 'the dot is replaced');
    const bracket = complete(text.replace('"${|"', '"${cls.output.results[|"'));
    assert.deepEqual(bracket.items.map((i) => [i.label, i.insertText]), [['[0]', '0]']]);
    assert.deepEqual(complete(text.replace('"${|"', '"${cls.output.results[0].|"')).labels, ['label', 'score']);
    assert.deepEqual(complete(text.replace('"${|"', '"${done} ${x|"')).labels, ['file:', 'selection', 'env:', 'cls.output.']);
    assert.deepEqual(complete(text.replace('"${|"', '"${done}|"')).labels, [], 'outside a reference: no reference names');
  });

  it('in recipes: kebab-case names, component ids, variables and `hugging-face`', () => {
    const recipe = (component: string) => `version: v1beta\nvariable:\n  text: {title: Text}\ncomponent:\n  hf-0:\n    type: hugging-face\n    task: TASK_SUMMARIZATION\n    input:\n      inputs: x\n  hf-1:\n${component}`;
    assert.deepEqual(complete(recipe('    type: hugging-face\n    task: TASK_SUMMARIZATION\n    input:\n      parameters:\n        |\n'), 'recipe').labels, ['max-length', 'max-time', 'min-length', 'repetition-penalty', 'temperature', 'top-k', 'top-p']);
    assert.deepEqual(complete(recipe('    type: h|\n'), 'recipe').labels, ['hugging-face']);
    assert.deepEqual(complete(recipe('    type: hugging-face\n    |\n'), 'recipe').labels, ['task', 'input', 'setup', 'condition']);
    assert.deepEqual(complete(recipe('    type: hugging-face\n    setup:\n      |\n'), 'recipe').labels, ['base-url', 'is-custom-endpoint']);
    assert.deepEqual(complete(recipe('    type: hugging-face\n    task: TASK_ZERO_SHOT_CLASSIFICATION\n    input:\n      inputs: ${|\n'), 'recipe').labels, ['file:', 'selection', 'env:', 'hf-0.output.', 'variable.text']);
    assert.deepEqual(complete(recipe('    type: hugging-face\n    input:\n      inputs: ${hf-0.output.|\n'), 'recipe').labels, ['summary-text']);
    assert.deepEqual(complete('version: v1beta\ncomponent:\n  |\n', 'recipe').labels, [], 'component ids are the user\'s to choose');
  });
});

describe('component files: hovers', () => {
  it('a field: its title, type, bounds and the spec\'s description', () => {
    const doc = 'task: TASK_SUMMARIZATION\ninput:\n  model: m\n  inputs: x\n  parameters:\n    max_ti|me: 3\n';
    assert.deepEqual(hover(doc), { markdown: '**max_time** · number · 0–120\n\nMaximum time in seconds the query may take (0–120).', range: '5:4-5:12' });
    assert.deepEqual(hover('task: TASK_SUMMARIZATION\ninput:\n  mo|del: m\n'), { markdown: '**model** · string · required\n\nModel: The Hugging Face model to be used', range: '2:2-2:7' });
    assert.deepEqual(hover('task: TASK_QUESTION_ANSWERING\ninput:\n  inputs:\n    con|text: x\n'), { markdown: '**context** · string · required\n\nThe text the answer is taken from.', range: '3:4-3:11' });
    assert.match(hover('task: TASK_FILL_MASK\nin|put:\n  model: m\n')!.markdown, /^\*\*input\*\* · map · required\n\nThe task's input, exactly as the spec defines it/);
    assert.match(hover('task: TASK_FILL_MASK\nsetup:\n  is_custom_end|point: true\n')!.markdown, /^\*\*is_custom_endpoint\*\* · boolean\n\nFill true if you are using a custom Inference Endpoint/);
    assert.equal(hover('task: TASK_FILL_MASK\ninput:\n  parameters:\n    foo|: 1\n')!.markdown, "`foo` is not one of TASK_FILL_MASK's declared parameters: it is sent as is.");
  });

  it('a task id', () => {
    const h = hover('task: TASK_IMAGE_TO|_TEXT\n')!;
    assert.equal(h.range, '0:6-0:24');
    assert.match(h.markdown, /^\*\*Image to Text\*\* \(`TASK_IMAGE_TO_TEXT`\) — Hub models tagged `image-to-text`; default model `Salesforce\/blip-image-captioning-large`; no longer served by hf-inference/);
  });

  it('references say what they will be replaced with', () => {
    const text = 'name: cls\ntask: TASK_TEXT_CLASSIFICATION\ninput: {model: m, inputs: x}\n---\ntask: TASK_SUMMARIZATION\ninput:\n  model: m\n  inputs: "${file:a.txt} ${cls.output.results[0].label} ${env:X} ${sel|ection}"\n';
    assert.deepEqual(hover(text), { markdown: 'The text selected in another editor when you run.', range: '7:65-7:77' });
    assert.match(hover(text.replace('|', '').replace('${file:', '${fi|le:'))!.markdown, /^The contents of `a\.txt`, relative to this file/);
    assert.equal(hover(text.replace('|', '').replace('${cls.', '${c|ls.'))!.markdown, '`results[0].label` of the output of `cls` (TASK_TEXT_CLASSIFICATION; it runs first)');
    const recipe = 'version: v1beta\nvariable:\n  text: {title: Text to summarize, type: string}\ncomponent:\n  hf-0:\n    type: hugging-face\n    input:\n      inputs: ${variable.te|xt}\n    setup:\n      api-key: ${secret.hf-token}\n';
    assert.equal(hover(recipe, 'recipe')!.markdown, 'Recipe variable `text` — Text to summarize (string): asked for when you run, and remembered for this file.');
    assert.match(hover(recipe.replace('|', '').replace('${secret', '${sec|ret'), 'recipe')!.markdown, /^Your Hugging Face token from secret storage/);
  });
});
