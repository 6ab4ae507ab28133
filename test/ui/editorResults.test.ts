// Results shown in the editor, as a person reads them in the workbench: Find Entities
// tints each entity and labels it, and the labels are readable (WCAG 4.5:1 against
// what is behind them) in a light and a dark theme.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HfTestServer } from '../support/hfServer';
import { contrast, over, parseRgb } from './contrast';
import { closeAll } from './panelDriver';
import { DEFAULT_THEME, openWorkbench, pickTheme, runOnSelection, screenshot, selectAllOf, setUserSettings, uiEnv, type Workbench } from './workbench';

// The callbacks below run in the browser; the project compiles without the DOM library.
interface El {
  textContent: string | null;
}
declare const document: { querySelectorAll(selector: string): ArrayLike<El>; querySelector(selector: string): El | null };
declare function getComputedStyle(element: unknown, pseudo?: string): { content: string; color: string; backgroundColor: string };

interface Label {
  text: string;
  color: string;
  background: string;
}

/** The labels decorations add after text in the editor (`::after` content), with their colours. */
const labelsShown = (page: Page): Promise<Label[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.monaco-editor .view-lines span'))
      .map((el) => ({ style: getComputedStyle(el, '::after') }))
      .filter(({ style }) => style.content && style.content !== 'none' && style.content !== 'normal')
      .map(({ style }) => ({ text: style.content, color: style.color, background: style.backgroundColor })),
  );

const editorBackground = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.querySelector('.monaco-editor .monaco-editor-background')).backgroundColor);

describe('results in the editor', function () {
  this.timeout(60_000);
  let wb: Workbench;
  let server: HfTestServer;

  before(async function () {
    this.timeout(90_000);
    // A loopback server needs no token: runs go straight to it.
    server = await HfTestServer.start();
    setUserSettings({ 'huggingface.baseUrl': server.url, 'huggingface.hubUrl': server.url, 'workbench.startupEditor': 'none' });
    writeFileSync(join(uiEnv().workspace, 'entities.md'), 'My name is Sarah Jessica Parker and I work at Hugging Face in Paris.\n');
    wb = await openWorkbench();
  });

  after(async () => {
    await wb?.close();
    await server?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}`);
  });

  for (const theme of ['Light 2026', 'Dark 2026']) {
    it(`Find Entities labels each entity readably in ${theme}`, async () => {
      const { page } = wb;
      await pickTheme(page, theme);
      try {
        await selectAllOf(page, 'entities.md');
        await runOnSelection(page, 'Hugging Face: Find Entities (Token Classification)');
        let labels: Label[] = [];
        for (let i = 0; i < 100 && labels.length < 3; i++) {
          await page.waitForTimeout(100);
          labels = (await labelsShown(page)).filter((l) => /PER|ORG|LOC/.test(l.text));
        }
        assert.deepEqual(labels.map((l) => l.text.replace(/["\s\u00a0]/g, '')), ['PER', 'ORG', 'LOC']);
        const editor = parseRgb(await editorBackground(page));
        for (const label of labels) {
          const behind = over(label.background, editor);
          const ratio = contrast(parseRgb(label.color), behind);
          assert.ok(ratio >= 4.5, `${label.text} is ${label.color} on ${label.background}: ${ratio.toFixed(2)}:1`);
        }
        await page.keyboard.press('Escape');
        await screenshot(page, `entities-in-editor-${theme.replace(/ /g, '-')}`);
      } finally {
        await closeAll(page);
        await pickTheme(page, DEFAULT_THEME);
      }
    });
  }
});
