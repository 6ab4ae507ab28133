// A person opens a component file in the real workbench: it is recognised as a
// Hugging Face Component, highlighted (task ids and references in their own
// colours) and shows ▶ Run / ▶ Run all above its documents.
import * as assert from 'node:assert/strict';
import { screenshot, useWorkbench } from './workbench';

describe('component files in the workbench', function () {
  const ctx = useWorkbench();

  it('opens chain.hf.yaml as a Hugging Face Component with its CodeLens and colours', async function () {
    this.timeout(60_000);
    const { page } = ctx.wb;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('chain.hf.yaml');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'chain.hf.yaml' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');

    const lenses = page.locator('.monaco-editor .codelens-decoration');
    await lenses.filter({ hasText: '▶ Run all' }).first().waitFor({ timeout: 20_000 });
    // The lenses are drawn again whenever the provider answers anew (the file is checked as it opens):
    // read them until a full set is on screen.
    let titles: string[] = [];
    for (const deadline = Date.now() + 10_000; titles.length < 3 && Date.now() < deadline; await page.waitForTimeout(200)) {
      titles = (await lenses.locator('a').allInnerTexts()).map((t) => t.trim());
    }
    assert.deepEqual(titles, ['▶ Run', '▶ Run all', '▶ Run']);

    const mode = page.locator('.statusbar-item[id="status.editor.mode"]');
    await mode.filter({ hasText: 'Hugging Face Component' }).waitFor({ timeout: 10_000 });

    // The task id and a plain value get different colours from the grammar.
    // The function runs in the page; the test's TypeScript has no DOM types, hence the cast.
    const colour = (text: string) =>
      page.locator('.monaco-editor .view-line span span', { hasText: text }).first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
    const task = await colour('TASK_TEXT_CLASSIFICATION');
    const plain = await colour('distilbert');
    assert.notEqual(task, plain, `task id ${task} vs plain value ${plain}`);
    await page.waitForTimeout(300);
    await screenshot(page, 'component-file');
  });
});
