// Driving a task panel in the real workbench: open it from the palette, reach its
// content (two iframes deep), pick workspace files through VS Code's own dialog,
// run, and take the panel's screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { markResultSeen } from './panelProbes';
import { openPalette, paletteRow, runCommand } from './workbench';

export const OPEN_PANEL = 'Hugging Face: Open Task Panel…';

/** The visible panel's iframe (hidden panels keep theirs). */
const visibleWebview = (page: Page): Locator => page.locator('iframe.webview.ready >> visible=true').first();

export function panel(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
}

/** The panel's window, for checks that need script (canvas pixels, the XSS canary). */
export async function panelWindow(page: Page): Promise<Frame> {
  const outer = await (await visibleWebview(page).elementHandle())?.contentFrame();
  const inner = await (await outer?.waitForSelector('#active-frame'))?.contentFrame();
  if (!inner) throw new Error('the task panel has no content frame');
  return inner;
}

/** "Hugging Face: Open Task Panel…" from the palette, then the task picked by its title. */
export async function openTaskPanel(page: Page, title: string): Promise<FrameLocator> {
  // Right after start-up the palette may open before it knows our commands: reopen it until it does.
  let command = null;
  for (const deadline = Date.now() + 20_000; !command && Date.now() < deadline; ) {
    await openPalette(page, OPEN_PANEL);
    command = await paletteRow(page, OPEN_PANEL, 2000);
  }
  if (!command) throw new Error(`"${OPEN_PANEL}" is not in the command palette`);
  await command.click();
  // The task picker replaces the palette in the same quick input.
  const widget = page.locator('.quick-input-widget');
  await widget.locator('input.input[placeholder="Pick a task"]').fill(title);
  await widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${title}\\s*$`) }) }).first().click();
  const frame = panel(page);
  await frame.locator(`.panel-header h1:text-is("${title}")`).waitFor({ timeout: 20_000 });
  return frame;
}

/** Types an absolute path into VS Code's file dialog (the simple dialog of a remote window) and accepts it. */
export async function pickFile(page: Page, frame: FrameLocator, path: string): Promise<void> {
  await frame.locator('button.choose-file').click();
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(path);
  // The dialog completes the typed path as it goes; accept once it shows the file itself.
  const name = path.slice(path.lastIndexOf('/') + 1);
  const row = widget.locator('.monaco-list-row .label-name', { hasText: name });
  for (let attempt = 0; attempt < 3; attempt++) {
    await row.waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
    // The list updates in steps as the path is completed; Enter mid-update is taken as the folder.
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    if (await input.waitFor({ state: 'hidden', timeout: 3000 }).then(() => true, () => false)) return;
    await input.fill(path);
  }
  throw new Error(`the file dialog did not accept ${path}`);
}

export const field = (frame: FrameLocator, pointer: string): Locator => frame.locator(`[data-pointer="${pointer}"]`);

/** Clicks Run (or Send) and waits for this run's result card: the one with a duration. */
export async function run(page: Page, timeout = 20_000): Promise<void> {
  const win = await panelWindow(page);
  await markResultSeen(win);
  await win.locator('button.run').click();
  await win.locator('.result:not([data-seen]) .duration').waitFor({ timeout });
}

export async function closePanel(page: Page): Promise<void> {
  await runCommand(page, 'View: Close Editor');
}

/** Closes every editor and panel, discarding unsaved changes (a restored untitled file, a failed test's edits). */
export async function closeAll(page: Page): Promise<void> {
  const tabs = page.locator('.editor-group-container .tab');
  for (let i = 0; i < 30 && (await tabs.count()) > 0; i++) await runCommand(page, 'View: Revert and Close Editor');
}

/** Saves test-results/panels/<name>.png: the panel alone, as a person sees it. */
export async function panelScreenshot(page: Page, name: string): Promise<string> {
  const dir = join(process.cwd(), 'test-results', 'panels');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  // Nothing hovered: the view as it first shows.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await visibleWebview(page).screenshot({ path: file });
  return file;
}

/** Polls until `read` gives `want` (values a webview fills in after a round trip to the host). */
export async function until<T>(read: () => Promise<T>, want: T, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  let got = await read();
  while (got !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  if (got !== want) throw new Error(`expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
}
