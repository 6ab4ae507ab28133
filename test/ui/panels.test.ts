// The 17 task panels in a real VS Code (code-server + headless Chromium), against the
// loopback Hugging-Face-compatible server: for every task a person fills the form,
// runs, and sees the result view; then a hostile answer with script in every text
// field renders as text and runs nothing. Also: cancel, a model-loading wait, the
// editor's selection in and the result out, and a panel restored after a reload.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HfTestServer } from '../support/hfServer';
import { makeGrayPng, makeRgbPng, makeWav } from '../support/media';
import { CASES, type CaseContext } from './panelCases';
import { closeAll, closePanel, field, openTaskPanel, panel, panelScreenshot, panelWindow, run, until } from './panelDriver';
import { canary, computedStyle, editorLines, scriptsMentioning } from './panelProbes';
import { contrast, parseRgb } from './contrast';
import { DEFAULT_THEME, openWorkbench, pickTheme, recordDialogs, runCommand, screenshot, setUserSettings, signIn, uiEnv, type Workbench } from './workbench';

const TOKEN = 'hf_panelsUiTestToken0123456789';
const WIDTH = 480;
const HEIGHT = 320;

/** A picture laid out like the server's answers: a cat on the left half, a remote bottom right. */
function picture(): Buffer {
  return makeRgbPng(WIDTH, HEIGHT, (x, y) => {
    const cat = (x - 120) ** 2 / 90 ** 2 + (y - 180) ** 2 / 110 ** 2 < 1;
    const remote = x > 300 && x < 420 && y > 220 && y < 280;
    if (cat) return [214, 140, 60];
    if (remote) return [40, 40, 48];
    if (y > 200) return [110, 150, 90];
    return [150 + Math.round((y / 200) * 60), 190, 230];
  });
}

// HTML, script, a javascript: link (HTML and Markdown), a bidi override and 100k characters.
const PAYLOAD = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script><a href="javascript:window.__pwned='a'">a</a> [md](javascript:window.__pwned='md') \u202Egnp.exe ${'W'.repeat(100_000)}`;

describe('task panels', function () {
  this.timeout(120_000);
  let wb: Workbench;
  let server: HfTestServer;
  let ctx: Omit<CaseContext, 'frame' | 'win'>;
  let dialogs: string[] = [];

  before(async function () {
    this.timeout(180_000);
    // The server takes only this token: every panel run proves the core sent it.
    server = await HfTestServer.start({ token: TOKEN });
    const env = uiEnv();
    const files = {
      picture: join(env.workspace, 'cat.png'),
      speech: join(env.workspace, 'talk.wav'),
      hostilePicture: join(env.workspace, `<img src=x onerror="window.__pwned='file'">.png`),
      hostileSpeech: join(env.workspace, `<script>window.__pwned='file'<\u2044script>.wav`),
    };
    writeFileSync(files.picture, picture());
    writeFileSync(files.hostilePicture, picture());
    writeFileSync(files.speech, makeWav(3));
    writeFileSync(files.hostileSpeech, makeWav(3));
    writeFileSync(join(env.workspace, 'notes.md'), 'Intro line.\nThe tower is 324 metres tall. It is old.\nLast line.\n');
    setUserSettings({ 'huggingface.baseUrl': server.url, 'huggingface.hubUrl': server.url, 'workbench.startupEditor': 'none' });
    wb = await openWorkbench();
    dialogs = recordDialogs(wb.page);
    await signIn(wb.page, TOKEN);
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
    await runCommand(wb.page, 'View: Close Primary Side Bar');
    // Panels open beside a text editor; with none open they get the whole editor area.
    await closeAll(wb.page);
    ctx = { page: wb.page, server, files, mask: makeGrayPng(WIDTH, HEIGHT, (x) => (x < WIDTH / 2 ? 255 : 0)).toString('base64') };
  });

  after(async () => {
    await wb?.close();
    await server?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      await panelScreenshot(wb.page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}`).catch(() => undefined);
      await wb.page.keyboard.press('Escape');
      await closeAll(wb.page).catch(() => undefined);
    }
    // A reply scripted for a run that never happened must not answer the next test.
    server.reset();
  });

  for (const c of CASES) {
    it(`${c.title}: fill, run, and read the result; hostile output stays text`, async () => {
      const frame = await openTaskPanel(wb.page, c.title);
      const win = await panelWindow(wb.page);
      const context: CaseContext = { ...ctx, frame, win };
      await c.fill(context);
      await run(wb.page);
      await c.check(context);
      const firstShown = await frame.locator('.result .result-body').innerText();
      await panelScreenshot(wb.page, c.task);
      if (c.task === 'TASK_OBJECT_DETECTION') await screenshot(wb.page, 'panel-in-workbench');

      // The same panel, now answered with a payload in every text field.
      server.script({ json: c.hostile(PAYLOAD, context) });
      await c.hostileFill?.(context, PAYLOAD);
      await run(wb.page);
      const shown = await frame.locator('.result .result-body').innerText();
      assert.ok(shown.includes(`<img src=x onerror="window.__pwned='img'">`), 'the payload is shown as text');
      assert.equal(await canary(win), undefined, 'no payload ran');
      assert.equal(await win.locator('img[src="x"], a[href^="javascript"], iframe, object, embed').count(), 0);
      assert.equal(await scriptsMentioning(win, '__pwned'), 0, 'no script element came from the payload');
      assert.ok((await frame.locator('.result .control-char').count()) > 0, 'the bidi override is shown as a marker');
      await frame.locator('.result .json-toggle').click();
      const json = await frame.locator('.result pre.json').innerText();
      if (JSON.stringify(c.hostile(PAYLOAD, context)).includes('__pwned')) assert.ok(json.includes(`onerror=\\"window.__pwned='img'\\"`), 'the JSON view shows the payload as text');
      await frame.locator('.result .json-toggle').click();
      assert.deepEqual(dialogs, []);

      // The history brings the first run back, input and result.
      await frame.locator('.history summary').click();
      await frame.locator('.history-item').nth(1).click();
      await frame.locator('.run-status', { hasText: 'Showing an earlier run.' }).waitFor();
      assert.equal(await frame.locator('.result .result-body').innerText(), firstShown);
      await closePanel(wb.page);
    });
  }

  it('cancels a slow run', async () => {
    const frame = await openTaskPanel(wb.page, 'Text Classification');
    await field(frame, '/inputs').locator('textarea').fill('A slow one');
    server.script({ delayMs: 15_000, json: [[{ label: 'LATE', score: 1 }]] });
    await frame.locator('button.run').click();
    await frame.locator('.run-status.busy').waitFor();
    const started = Date.now();
    await frame.locator('button.cancel').click();
    await frame.locator('.run-status', { hasText: 'Cancelled.' }).waitFor({ timeout: 3000 });
    assert.ok(Date.now() - started < 3000);
    assert.equal(await frame.locator('button.run').isEnabled(), true);
    assert.equal(await frame.locator('.result .row-label', { hasText: 'LATE' }).count(), 0);
    await closePanel(wb.page);
  });

  it('shows a loading model\'s wait with its estimate, then the result', async () => {
    const frame = await openTaskPanel(wb.page, 'Text Classification');
    await field(frame, '/inputs').locator('textarea').fill('I love waiting');
    server.script({ status: 503, json: { error: 'Model is currently loading', estimated_time: 2 } });
    await frame.locator('button.run').click();
    await frame.locator('.run-status.waiting .wait-message').waitFor();
    assert.match(await frame.locator('.run-status .wait-message').innerText(), /loading/i);
    assert.equal(await frame.locator('.run-status progress.wait-bar').count(), 1);
    await frame.locator('.result .duration').waitFor({ timeout: 15_000 });
    await closePanel(wb.page);
  });

  it('takes the editor\'s selection, and inserts the result into the editor', async () => {
    const { page } = wb;
    await page.keyboard.press('Control+P');
    const quick = page.locator('.quick-input-widget input.input');
    await quick.fill('notes.md');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'notes.md' }).first().click();
    const editor = page.locator('.monaco-editor .view-lines').first();
    await editor.click();
    // Select the second line.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    const frame = await openTaskPanel(page, 'Summarization');
    await field(frame, '/inputs').locator('button.use-selection').click();
    await until(() => field(frame, '/inputs').locator('textarea').inputValue(), 'The tower is 324 metres tall. It is old.');
    await run(page);
    await frame.locator('.result button.insert').click();
    await frame.locator('.run-status', { hasText: 'Inserted into notes.md' }).waitFor();
    assert.deepEqual((await editorLines(page)).slice(0, 4), ['Intro line.', 'The tower is 324 metres tall. It is old.', 'The tower is 324 metres tall.', 'Last line.']);
    await closePanel(page);
    await runCommand(page, 'View: Revert and Close Editor').catch(() => undefined);
  });

  for (const theme of [
    { label: 'Light 2026', workbench: 'vs', body: /\bvscode-light\b/ },
    { label: 'Dark 2026', workbench: 'vs-dark', body: /\bvscode-dark\b/ },
    { label: 'Light Modern', workbench: 'vs', body: /\bvscode-light\b/ },
    { label: 'Dark Modern', workbench: 'vs-dark', body: /\bvscode-dark\b/ },
    { label: 'Dark High Contrast', workbench: 'hc-black', body: /\bvscode-high-contrast\b(?!-)/, outlined: true },
    { label: 'Light High Contrast', workbench: 'hc-light', body: /\bvscode-high-contrast-light\b/, outlined: true },
  ])
  it(`in ${theme.label}: text, tags and all 10 label colours meet WCAG contrast${theme.outlined ? ', entities are outlined' : ''}`, async () => {
    const { page } = wb;
    await pickTheme(page, theme.label);
    try {
      await page.locator(`.monaco-workbench.${theme.workbench}`).waitFor({ timeout: 15_000 });
      const frame = await openTaskPanel(page, 'Token Classification');
      await until(() => frame.locator('body').getAttribute('class').then((c) => theme.body.test(c ?? '')), true, 10_000);
      await field(frame, '/inputs').locator('textarea').fill('My name is Sarah and I live in Paris.');
      await run(page);
      const background = parseRgb(await computedStyle(frame.locator('body'), 'background-color'));
      const entities = frame.locator('.result mark.entity');
      assert.equal(await entities.count(), 2);
      for (let i = 0; i < 2; i++) {
        const entity = entities.nth(i);
        assert.ok(contrast(parseRgb(await computedStyle(entity, 'color')), background) >= 4.5, `entity ${i}: text contrast ≥ 4.5:1`);
        if (theme.outlined) assert.equal(await computedStyle(entity, 'outline-style'), 'solid', `entity ${i}: outlined, not only tinted`);
        const tag = entity.locator('.entity-tag');
        assert.ok(contrast(parseRgb(await computedStyle(tag, 'color')), parseRgb(await computedStyle(tag, 'background-color'))) >= 4.5, `entity ${i}: its tag is readable`);
      }
      // Every label colour of the palette is defined in this theme, and stands out from the background.
      const palette = await frame.locator('.result').evaluate((result) => {
        type Element = { className: string; style: { color: string }; append(e: unknown): void; remove(): void };
        const doc = (globalThis as unknown as { document: { createElement(t: string): Element } }).document;
        const css = globalThis as unknown as { getComputedStyle(e: unknown): { color: string } };
        return Array.from({ length: 10 }, (_, i) => {
          // An undefined colour makes the declaration invalid, and the probe inherits its wrapper's colour.
          const wrapper = doc.createElement('span');
          wrapper.style.color = 'rgb(1, 2, 3)';
          const probe = doc.createElement('span');
          probe.className = `label-color-${i}`;
          probe.style.color = 'var(--label-color)';
          wrapper.append(probe);
          (result as unknown as Element).append(wrapper);
          const color = css.getComputedStyle(probe).color;
          wrapper.remove();
          return color;
        });
      });
      const weak = palette.flatMap((color, i) => (color === 'rgb(1, 2, 3)' ? [`${i}: undefined`] : contrast(parseRgb(color), background) < 3 ? [`${i}: ${color} (${contrast(parseRgb(color), background).toFixed(2)}:1)`] : []));
      assert.deepEqual(weak, [], 'every label colour is defined and contrasts ≥ 3:1 with the background');
      await panelScreenshot(page, `theme-${theme.label.replace(/ /g, '-')}-token-classification`);
      await closePanel(page);

      const classify = await openTaskPanel(page, 'Text Classification');
      await field(classify, '/inputs').locator('textarea').fill('I love it');
      await run(page);
      const bar = classify.locator('.result .ranked-row .bar').first();
      assert.ok(contrast(parseRgb(await computedStyle(bar, 'background-color')), background) >= 3, 'bars contrast ≥ 3:1 with the background');
      const label = classify.locator('.result .ranked-row .row-label').first();
      assert.ok(contrast(parseRgb(await computedStyle(label, 'color')), background) >= 4.5, 'label text contrast ≥ 4.5:1');
      await panelScreenshot(page, `theme-${theme.label.replace(/ /g, '-')}-text-classification`);
      await closePanel(page);
    } finally {
      await pickTheme(page, DEFAULT_THEME);
    }
  });

  it('restores a panel with its result and history after a window reload', async () => {
    const { page } = wb;
    const frame = await openTaskPanel(page, 'Question Answering');
    await field(frame, '/inputs/question').locator('textarea').fill('Where does Sarah live?');
    await field(frame, '/inputs/context').locator('textarea').fill('Sarah lives in Paris with her cat.');
    await run(page);
    // The browser workbench writes editor and webview state to its storage every few seconds.
    await page.waitForTimeout(7000);
    await page.reload();
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 30_000 });
    // Every panel open before the reload comes back; this test's is brought to the front.
    await page.locator('.tabs-container .tab', { hasText: 'Question Answering' }).click({ timeout: 30_000 });
    const restored = panel(page);
    await restored.locator('.result mark.qa-answer').waitFor({ timeout: 30_000 });
    assert.equal(await restored.locator('.result mark.qa-answer').innerText(), 'Paris');
    assert.equal(await field(restored, '/inputs/question').locator('textarea').inputValue(), 'Where does Sarah live?');
    assert.match(await restored.locator('.history summary').innerText(), /History \(\d+\)/);
    await panelScreenshot(page, 'restored-after-reload');
    // Still connected to the host after the reload: it runs again.
    await run(page);
    await closePanel(page);
  });
});
