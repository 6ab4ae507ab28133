// A person's way to images: right-click an image in the explorer → Hugging Face →
// Detect Objects, take the default model, see the boxes drawn on the image in the
// result view (rendered by the real browser under the view's CSP), click "Save
// annotated image", then "Show in Panel"; and a multi-selection classified into one
// combined view.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HfTestServer } from '../support/hfServer';
import { makePng } from '../support/media';
import { openWorkbench, runCommand, screenshot, setUserSettings, uiEnv, type Workbench } from './workbench';

const FOLDER = 'ui-photos';

async function explorerRow(page: Page, name: string) {
  const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: new RegExp(`^\\s*${name.replace('.', '\\.')}\\s*$`) }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  return row;
}

/** Right-clicks the selection and picks Hugging Face → `command` in the context menu. */
async function fromContextMenu(page: Page, name: string, command: string): Promise<void> {
  await (await explorerRow(page, name)).click({ button: 'right' });
  const submenu = page.locator('.monaco-menu .action-item').filter({ hasText: /^Hugging Face/ }).first();
  await submenu.waitFor({ state: 'visible', timeout: 10_000 });
  await submenu.hover();
  const item = page.locator('.monaco-menu .action-item').filter({ hasText: new RegExp(`^${command}`) }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  // Hovering focuses the item; Enter runs it (as the keyboard user does).
  await item.hover();
  await page.keyboard.press('Enter');
  await item.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The content of the newest webview (closed ones may linger in the DOM a while). */
const newestWebview = (page: Page) => page.locator('iframe.webview.ready').last().contentFrame().frameLocator('#active-frame');

/** The model picker opens with the task's default first: Enter takes it. */
async function takeDefaultModel(page: Page): Promise<void> {
  const picker = page.locator('.quick-input-widget');
  await picker.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await picker.waitFor({ state: 'hidden', timeout: 15_000 });
}

describe('images from the explorer', function () {
  this.timeout(60_000);
  let wb: Workbench;
  let server: HfTestServer;
  const folder = () => join(uiEnv().workspace, FOLDER);

  before(async function () {
    this.timeout(90_000);
    // A loopback server needs no token: runs go straight to it.
    server = await HfTestServer.start();
    setUserSettings({ 'huggingface.baseUrl': server.url, 'huggingface.hubUrl': server.url });
    mkdirSync(folder(), { recursive: true });
    writeFileSync(join(folder(), 'cat.png'), makePng(320, 200, [90, 140, 200]));
    writeFileSync(join(folder(), 'dog.png'), makePng(200, 200, [200, 160, 90]));
    wb = await openWorkbench();
    await runCommand(wb.page, 'View: Show Explorer');
    await (await explorerRow(wb.page, FOLDER)).click();
  });

  after(async () => {
    await wb?.close();
    await server?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-${this.currentTest.title}`);
  });

  it('Detect Objects from the context menu draws the boxes on the image, and saves it beside it', async () => {
    await fromContextMenu(wb.page, 'cat.png', 'Detect Objects');
    await takeDefaultModel(wb.page);
    const view = newestWebview(wb.page);
    const image = view.locator('img.annotated');
    await image.waitFor({ state: 'visible', timeout: 20_000 });
    // The browser decoded the SVG (with the image and boxes in it) at the image's size.
    const size = await image.evaluate((element) => {
      const img = element as unknown as { complete: boolean; naturalWidth: number; naturalHeight: number };
      return { complete: img.complete, width: img.naturalWidth, height: img.naturalHeight };
    });
    assert.deepEqual(size, { complete: true, width: 320, height: 200 });
    assert.match(await view.locator('table').first().innerText(), /cat\s+0\.9\d\d/);
    await wb.page.waitForTimeout(300);
    await screenshot(wb.page, 'detect-objects');

    await view.getByText('Save annotated image').click();
    const saved = join(folder(), 'cat.annotated.svg');
    for (let i = 0; i < 100 && !existsSync(saved); i++) await wb.page.waitForTimeout(100);
    assert.ok(existsSync(saved), 'cat.annotated.svg was written');
    assert.match(readFileSync(saved, 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="320" height="200"/);
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);

    // "Show in Panel" opens the task's panel with the same file and result (no new request).
    await view.getByText('Show in Panel').click();
    const panel = newestWebview(wb.page);
    await panel.locator('.box-label').first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.deepEqual((await panel.locator('.box-label').allInnerTexts()).map((t) => t.split(' ')[0]), ['cat', 'remote']);
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);
    await wb.page.waitForTimeout(300);
    await screenshot(wb.page, 'detect-objects-in-panel');
  });

  it('classifies a multi-selection into one combined view', async () => {
    server.reset();
    // Click one, Ctrl-click the other; the explorer may still be settling (opening the first in a
    // preview), so the selection is checked, and made again if it did not take.
    const selected = wb.page.locator('.explorer-folders-view .monaco-list-row[aria-selected="true"]');
    for (let attempt = 0; attempt < 3 && (await selected.count()) !== 2; attempt++) {
      await (await explorerRow(wb.page, 'cat.png')).click();
      await wb.page.waitForTimeout(300);
      await (await explorerRow(wb.page, 'dog.png')).click({ modifiers: ['Control'] });
      await wb.page.waitForTimeout(300);
    }
    assert.deepEqual((await selected.allInnerTexts()).map((t) => t.trim()), ['cat.png', 'dog.png']);
    await fromContextMenu(wb.page, 'dog.png', 'Classify Image');
    await takeDefaultModel(wb.page);
    const view = newestWebview(wb.page);
    await view.locator('h1').filter({ hasText: 'Image Classification: 2 files' }).waitFor({ timeout: 20_000 });
    assert.deepEqual(await view.locator('h2').allInnerTexts(), ['cat.png', 'dog.png']);
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 2);
    await screenshot(wb.page, 'classify-selection');
  });
});
