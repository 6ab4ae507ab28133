// Fuzzing the component-file language features: whatever the user types (half-written
// YAML, odd references, stray unicode), parsing, checks, completions, hovers and the
// reference scan return an answer and never throw.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkFile, completions, fileReferences, hoverAt, looksLikeRecipe, parseFile } from '../../src/extension/componentFiles';
import type { FileKind } from '../../src/extension/componentFiles';
import { TASKS } from '../../src/executor';

// Lines that look like what people write, with their typos and half-finished bits.
const line = fc.oneof(
  fc.constantFrom('---', 'task: ', 'input:', 'setup:', 'name: first', '  model: gpt2', '  inputs: hello', '  parameters:', '    top_k: 3', '    candidate_labels: [a, b', '  options: {wait_for_model: true}',
    'version: v1beta', 'component:', '  hf-0:', '    type: hugging-face', '    task: TASK_SUMMARIZATION', '    input:', '      inputs: ${variable.text}', '      image: ${file:cat.png}', '      inputs: ${first.output.results[0].label}',
    '      inputs: ${hf-0.output.summary-text}', '  api_key: hf_x', '  base_url: http://x', '${', '}', '- item', '  - [', '"unterminated', "'", '&anchor', '*alias', '!!binary', '? complex', '# comment', '\t', ''),
  fc.constantFrom(...TASKS).map((t) => `task: ${t}`),
  fc.string({ maxLength: 30 }).map((s) => `  inputs: ${s}`),
  fc.string({ maxLength: 20 }).map((s) => `      x: \${${s}}`),
  fc.string({ maxLength: 40 }),
);
const text = fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'));

describe('reliability: fuzzing component files', function () {
  this.timeout(120_000);

  it('3,000 generated files: parse, checks, references, completions and hovers never throw', () => {
    let problems = 0;
    fc.assert(
      fc.property(text, fc.constantFrom<FileKind>('components', 'recipe'), fc.boolean(), fc.nat(), (source, kind, trusted, at) => {
        looksLikeRecipe(source);
        const file = parseFile(source, kind);
        const found = checkFile(file, { trusted });
        problems += found.length;
        for (const p of found) assert.equal(typeof p.message, 'string');
        fileReferences(file);
        const offset = source.length ? at % (source.length + 1) : 0;
        assert.ok(Array.isArray(completions(file, offset)));
        hoverAt(file, offset);
      }),
      { numRuns: 3000, seed: 11 },
    );
    assert.ok(problems > 1000, `the generated files were checked (${problems} problems found)`);
  });
});
