// One case per task for the panel UI tests: how a person fills the form, what the
// result view must show for the loopback server's answer, and a hostile answer
// with a payload in every text field of the task's output.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import type { TaskId } from '../../src/executor';
import type { HfTestServer } from '../support/hfServer';
import { field, pickFile, run } from './panelDriver';
import { barFractions, canvasPixel, computedStyle, computedStyles, handOverFile, inlineStyle, paste } from './panelProbes';

export interface CaseContext {
  page: Page;
  frame: FrameLocator;
  win: Frame;
  server: HfTestServer;
  /** Absolute paths of the workspace's fixtures. */
  files: { picture: string; speech: string; hostilePicture: string; hostileSpeech: string };
  /** A grayscale PNG mask (base64) the size of the picture, for hostile segmentation answers. */
  mask: string;
}

export interface PanelCase {
  task: TaskId;
  /** The task's title, as the quick pick lists it. */
  title: string;
  fill(c: CaseContext): Promise<void>;
  check(c: CaseContext): Promise<void>;
  /** The server's raw answer with `p` in every text field. */
  hostile(p: string, c: CaseContext): unknown;
  /** Refill before the hostile run (media tasks take a file with a hostile name). */
  hostileFill?(c: CaseContext, p: string): Promise<void>;
}

const texts = async (frame: FrameLocator, selector: string) => (await frame.locator(selector).allInnerTexts()).map((t) => t.trim());

async function type(frame: FrameLocator, pointer: string, value: string): Promise<void> {
  await field(frame, pointer).locator('textarea, input').first().fill(value);
}

async function parameters(frame: FrameLocator): Promise<void> {
  const details = frame.locator('details.parameters');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

async function labels(frame: FrameLocator, pointer: string, values: string[]): Promise<void> {
  const input = field(frame, pointer).locator('.chip-input');
  for (const v of values) {
    await input.fill(v);
    await input.press('Enter');
  }
}

/** Ranked rows: [label, score] top first. */
const rows = async (frame: FrameLocator) => {
  const labels = await texts(frame, '.result .ranked-row .row-label');
  const scores = await texts(frame, '.result .ranked-row .row-score');
  return labels.map((l, i) => [l, scores[i]]);
};

/** Bars are as wide as their scores. */
async function barsProportional(win: Frame): Promise<void> {
  for (const [score, width] of await barFractions(win)) assert.ok(Math.abs(Math.max(0, Math.min(1, score)) - width) < 0.02, `bar ${width} for score ${score}`);
}

const pixel = canvasPixel;

const pickPicture = (c: CaseContext) => pickFile(c.page, c.frame, c.files.picture);
const pickSpeech = (c: CaseContext) => pickFile(c.page, c.frame, c.files.speech);
/** A file named like markup: its name shows as those characters. */
async function pickHostile(c: CaseContext, path: string): Promise<void> {
  await pickFile(c.page, c.frame, path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  await c.frame.locator('.media-field .file-name').filter({ hasText: name }).waitFor();
}
const pickHostilePicture = (c: CaseContext) => pickHostile(c, c.files.hostilePicture);
const pickHostileSpeech = (c: CaseContext) => pickHostile(c, c.files.hostileSpeech);

export const CASES: PanelCase[] = [
  {
    task: 'TASK_TEXT_GENERATION',
    title: 'Text Generation',
    fill: async ({ frame }) => type(frame, '/inputs', 'Once upon a time'),
    check: async ({ frame }) => {
      assert.equal(await frame.locator('.result .generation .prompt').innerText(), 'Once upon a time');
      assert.equal(await frame.locator('.result .generation .continuation').innerText(), ' and then the story continues.');
      const [prompt, continuation] = await Promise.all(['.prompt', '.continuation'].map((s) => computedStyle(frame.locator(`.result .generation ${s}`), 'color')));
      assert.notEqual(prompt, continuation, 'the continuation has its own colour');
    },
    hostile: (p) => [{ generated_text: p }],
  },
  {
    task: 'TASK_FILL_MASK',
    title: 'Fill Mask',
    fill: async ({ frame }) => type(frame, '/inputs', 'Paris is [MASK] capital of France.'),
    check: async ({ frame, win }) => {
      assert.deepEqual(await rows(frame), [['the', '0.500'], ['a', '0.300'], ['this', '0.100']]);
      assert.equal((await texts(frame, '.result .row-detail'))[0], 'Paris is the capital of France.');
      await barsProportional(win);
    },
    hostile: (p) => [{ score: 0.9, token: 1, token_str: p, sequence: p }],
  },
  {
    task: 'TASK_SUMMARIZATION',
    title: 'Summarization',
    fill: async ({ frame }) => {
      await type(frame, '/inputs', 'The Eiffel Tower is 324 metres tall. It was the tallest man-made structure in the world for 41 years.');
      await parameters(frame);
      await type(frame, '/parameters/max_length', '60');
    },
    check: async ({ frame, server }) => {
      assert.equal(await frame.locator('.result .result-text').innerText(), 'The Eiffel Tower is 324 metres tall.');
      assert.deepEqual((server.requests.at(-1)?.json as { parameters?: unknown }).parameters, { max_length: 60 });
    },
    hostile: (p) => [{ summary_text: p }],
  },
  {
    task: 'TASK_TEXT_CLASSIFICATION',
    title: 'Text Classification',
    fill: async ({ frame }) => type(frame, '/inputs', 'I love this wonderful film'),
    check: async ({ frame, win }) => {
      const r = await rows(frame);
      assert.deepEqual(r.map(([l]) => l), ['POSITIVE', 'NEGATIVE']);
      assert.ok(Number(r[0][1]) > 0.9);
      await barsProportional(win);
    },
    hostile: (p) => [[{ label: p, score: 0.9 }, { label: `${p} 2`, score: 0.1 }]],
  },
  {
    task: 'TASK_TOKEN_CLASSIFICATION',
    title: 'Token Classification',
    fill: async ({ frame }) => type(frame, '/inputs', 'My name is Sarah Jessica Parker and I work at Hugging Face in Paris.'),
    check: async ({ frame }) => {
      assert.deepEqual(await texts(frame, '.result mark.entity .entity-word'), ['Sarah Jessica Parker', 'Hugging Face', 'Paris']);
      assert.deepEqual(await texts(frame, '.result mark.entity .entity-tag'), ['PER', 'ORG', 'LOC']);
      const tints = await computedStyles(frame.locator('.result mark.entity'), 'background-color');
      assert.equal(new Set(tints).size, 3, `one tint per label: ${tints}`);
      assert.deepEqual(await texts(frame, '.result .legend .chip-toggle'), ['PER (1)', 'ORG (1)', 'LOC (1)']);
      // A label chip hides that label's tint.
      await frame.locator('.result .legend .chip-toggle', { hasText: 'ORG' }).click();
      assert.equal(await frame.locator('.result mark.entity.muted-entity').innerText(), 'Hugging Face');
      await frame.locator('.result .legend .chip-toggle', { hasText: 'ORG' }).click();
    },
    hostile: (p) => [{ entity_group: p, score: 0.9, word: p, start: 0, end: 2 }],
  },
  {
    task: 'TASK_TRANSLATION',
    title: 'Translation',
    fill: async ({ frame }) => {
      await type(frame, '/inputs', 'Hello world, my friend');
      await parameters(frame);
      await type(frame, '/parameters/tgt_lang', 'de');
    },
    check: async ({ frame }) => assert.equal(await frame.locator('.result .result-text').innerText(), 'Hallo Welt, mein Freund'),
    hostile: (p) => [{ translation_text: p }],
  },
  {
    task: 'TASK_ZERO_SHOT_CLASSIFICATION',
    title: 'Zero-Shot Classification',
    fill: async ({ frame }) => {
      await type(frame, '/inputs', 'I want a refund for my order');
      await labels(frame, '/parameters/candidate_labels', ['refund', 'shipping', 'legal']);
    },
    check: async ({ frame, win }) => {
      const r = await rows(frame);
      assert.equal(r[0][0], 'refund');
      assert.deepEqual(r.map(([l]) => l).sort(), ['legal', 'refund', 'shipping']);
      await barsProportional(win);
    },
    hostile: (p) => ({ sequence: p, labels: [p, 'b'], scores: [0.9, 0.1] }),
  },
  {
    task: 'TASK_QUESTION_ANSWERING',
    title: 'Question Answering',
    fill: async ({ frame }) => {
      await type(frame, '/inputs/question', 'Where does Sarah live?');
      await type(frame, '/inputs/context', 'Sarah lives in Paris with her cat.');
    },
    check: async ({ frame }) => {
      assert.equal(await frame.locator('.result mark.qa-answer').innerText(), 'Paris');
      assert.equal(await frame.locator('.result .qa-context').innerText(), 'Sarah lives in Paris with her cat.');
      assert.match(await frame.locator('.result .score-chip').innerText(), /^score 0\.\d{3}$/);
    },
    hostile: (p) => ({ answer: p, score: 0.5, start: 0, end: 5 }),
  },
  {
    task: 'TASK_TABLE_QUESTION_ANSWERING',
    title: 'Table Question Answering',
    fill: async ({ frame, win }) => {
      await type(frame, '/inputs/query', 'What is the total number of stars?');
      // Cells copied from a spreadsheet arrive as TSV: pasting them into the first header cell fills the grid.
      await paste(win, '.table-field input.cell', 'Repository\tStars\nTransformers\t36542\nDatasets\t4512\nTokenizers\t3934\n');
      assert.equal(await frame.locator('.table-field tbody tr').count(), 3);
    },
    check: async ({ frame }) => {
      assert.deepEqual(await texts(frame, '.result .answer-cell'), ['36542', '4512', '3934']);
      assert.equal(await frame.locator('.result .aggregator-chip').innerText(), 'SUM');
      assert.equal(await frame.locator('.result .answer-text').innerText(), 'SUM > 36542, 4512, 3934');
    },
    hostile: (p) => ({ answer: p, coordinates: [[0, 0]], cells: [p], aggregator: p }),
  },
  {
    task: 'TASK_SENTENCE_SIMILARITY',
    title: 'Sentence Similarity',
    fill: async ({ frame }) => {
      await type(frame, '/inputs/source_sentence', 'I love cats');
      await type(frame, '/inputs/sentences', 'The market fell\ncats I love\nI love dogs');
    },
    check: async ({ frame, win }) => {
      assert.deepEqual(await rows(frame), [['cats I love', '1.000'], ['I love dogs', '0.500'], ['The market fell', '0.000']]);
      await barsProportional(win);
    },
    // Scores carry no text: the hostile text is the user's own sentences, shown as row labels.
    hostile: () => [0.5],
    hostileFill: async ({ frame }, p) => type(frame, '/inputs/sentences', p),
  },
  {
    task: 'TASK_CONVERSATIONAL',
    title: 'Conversational',
    fill: async ({ frame }) => type(frame, '/inputs/text', 'Hello there'),
    check: async ({ page, frame, server }) => {
      assert.deepEqual(await texts(frame, '.result .bubble'), ['Hello there', 'Reply 1: Hello there']);
      // The next turn carries the history (the server numbers the user's messages) and renders Markdown.
      await type(frame, '/inputs/text', 'Say **hi** in `code`');
      await run(page);
      assert.deepEqual(await texts(frame, '.result .bubble'), ['Hello there', 'Reply 1: Hello there', 'Say **hi** in `code`', 'Reply 2: Say hi in code']);
      assert.equal(await frame.locator('.result .bubble.assistant').last().locator('strong').innerText(), 'hi');
      assert.equal(await frame.locator('.result .bubble.assistant').last().locator('code').innerText(), 'code');
      const sent = server.requests.at(-1)?.json as { messages: { role: string }[] };
      assert.deepEqual(sent.messages.map((m) => m.role), ['user', 'assistant', 'user']);
      assert.equal(await computedStyle(frame.locator('.result .bubble.user').first(), 'align-self'), 'flex-end');
    },
    hostile: (p) => ({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: p }, finish_reason: 'stop' }] }),
    hostileFill: async ({ frame }) => type(frame, '/inputs/text', 'And now?'),
  },
  {
    task: 'TASK_IMAGE_CLASSIFICATION',
    title: 'Image Classification',
    fill: async (c) => {
      // The model field offers the Hub's models for the task as you type.
      const model = field(c.frame, '/model').locator('input');
      await model.fill('resnet');
      await c.frame.locator('.model-option', { hasText: 'microsoft/resnet-50' }).click();
      assert.equal(await model.inputValue(), 'microsoft/resnet-50');
      await pickPicture(c);
      await c.frame.locator('.media-field .preview-image').waitFor();
    },
    check: async ({ frame, win, server }) => {
      const r = await rows(frame);
      assert.deepEqual(r.map(([l]) => l), ['cheetah', 'tabby cat', 'remote control']);
      assert.match(server.requests.at(-1)?.path ?? '', /\/models\/microsoft\/resnet-50$/);
      await frame.locator('.result img.stage-image').waitFor();
      await barsProportional(win);
    },
    hostile: (p) => [{ label: p, score: 0.9 }],
    hostileFill: pickHostilePicture,
  },
  {
    task: 'TASK_IMAGE_SEGMENTATION',
    title: 'Image Segmentation',
    fill: pickPicture,
    check: async ({ frame, win }) => {
      assert.deepEqual((await rows(frame)).map(([l]) => l), ['cat', 'wall']);
      await frame.locator('.result canvas.mask-canvas[data-painted="2"]').waitFor();
      const [left, right] = [await pixel(win, 0.25, 0.5), await pixel(win, 0.75, 0.5)];
      assert.ok(left[3] > 0 && right[3] > 0, 'both masks painted');
      assert.notDeepEqual(left.slice(0, 3), right.slice(0, 3), 'one colour per label');
      // Hiding a segment clears its pixels; pointing at the other highlights it.
      await frame.locator('.result .segment-toggle').first().uncheck();
      await frame.locator('.result canvas.mask-canvas').hover({ position: { x: 1, y: 1 } });
      assert.equal((await pixel(win, 0.25, 0.5))[3], 0);
      await frame.locator('.result .segment-toggle').first().check();
      const box = (await frame.locator('.result canvas.mask-canvas').boundingBox())!;
      await frame.locator('.result canvas.mask-canvas').hover({ position: { x: box.width * 0.75, y: box.height / 2 } });
      await frame.locator('.result .ranked-row.active .row-label', { hasText: 'wall' }).waitFor();
    },
    hostile: (p, c) => [{ label: p, score: 0.9, mask: c.mask }],
    hostileFill: pickHostilePicture,
  },
  {
    task: 'TASK_OBJECT_DETECTION',
    title: 'Object Detection',
    fill: pickPicture,
    check: async ({ frame }) => {
      await frame.locator('.result .image-stage[data-placed]').waitFor();
      const labels = await texts(frame, '.result .box .box-label');
      assert.equal(labels.length, 2);
      assert.match(labels.join('|'), /cat 0\.9\d\d/);
      assert.match(labels.join('|'), /remote 0\.8\d\d/);
      const catBox = frame.locator('.result .box[data-index="0"]');
      const cat = [await inlineStyle(catBox, 'left'), await inlineStyle(catBox, 'width')];
      assert.equal(parseFloat(cat[0]), 0);
      assert.ok(Math.abs(parseFloat(cat[1]) - 50) < 1, `cat box width ${cat[1]}`);
      const colours = await computedStyles(frame.locator('.result .box'), 'border-top-color');
      assert.notEqual(colours[0], colours[1], 'one colour per label');
      // Hovering a row highlights its box, and a box its row.
      await frame.locator('.result .ranked-row', { hasText: 'remote' }).hover();
      assert.equal(await frame.locator('.result .box.active').getAttribute('data-index'), '1');
      await frame.locator('.result .box[data-index="0"]').hover({ position: { x: 5, y: 40 } });
      assert.equal(await frame.locator('.result .ranked-row.active .row-label').innerText(), 'cat');
    },
    hostile: (p) => [{ label: p, score: 0.9, box: { xmin: 1, ymin: 1, xmax: 100, ymax: 80 } }],
    hostileFill: pickHostilePicture,
  },
  {
    task: 'TASK_IMAGE_TO_TEXT',
    title: 'Image to Text',
    // A pasted image (a screenshot from the clipboard, say) becomes the input.
    fill: async ({ win, frame, files }) => {
      await handOverFile(win, 'paste', { name: 'pasted.png', mime: 'image/png', bytes: readFileSync(files.picture) });
      await frame.locator('.media-field .file-name', { hasText: 'pasted.png' }).waitFor();
    },
    check: async ({ frame }) => {
      assert.equal(await frame.locator('.result .caption-text').innerText(), 'a picture of a cheetah');
      await frame.locator('.result img.stage-image').waitFor();
    },
    hostile: (p) => [{ generated_text: p }],
    hostileFill: pickHostilePicture,
  },
  {
    task: 'TASK_SPEECH_RECOGNITION',
    title: 'Speech Recognition',
    fill: async (c) => {
      await type(c.frame, '/model', 'shape/automatic-speech-recognition/chunks');
      await pickSpeech(c);
      await c.frame.locator('.media-field audio').waitFor();
    },
    check: async ({ frame }) => {
      assert.equal(await frame.locator('.result .transcript').innerText(), 'HELLO FROM A 3 SECOND RECORDING');
      assert.deepEqual(await texts(frame, '.result .chunk .timestamp'), ['0:00.0–0:01.5', '0:01.5–0:03.0']);
      assert.deepEqual(await texts(frame, '.result .chunk .chunk-text'), ['HELLO FROM A', '3 SECOND RECORDING']);
      await frame.locator('.result audio.player').waitFor();
    },
    hostile: (p) => ({ text: p, chunks: [{ timestamp: [0, 1], text: p }] }),
    hostileFill: pickHostileSpeech,
  },
  {
    task: 'TASK_AUDIO_CLASSIFICATION',
    title: 'Audio Classification',
    // A file dropped from the desktop.
    fill: async ({ win, frame, files }) => {
      await handOverFile(win, 'drop', { name: 'dropped.wav', mime: 'audio/wav', bytes: readFileSync(files.speech) });
      await frame.locator('.media-field audio').waitFor();
    },
    check: async ({ frame, win }) => {
      assert.deepEqual((await rows(frame)).map(([l]) => l), ['neu', 'hap', 'ang', 'sad']);
      await barsProportional(win);
    },
    hostile: (p) => [{ label: p, score: 0.9 }],
    hostileFill: pickHostileSpeech,
  },
];
