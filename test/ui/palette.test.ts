// A person's first look: the workbench loads, our extension is installed (from the VSIX),
// the command palette opens, lists our commands and runs a command.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paletteHas, runCommand, screenshot, useWorkbench, waitForToast } from './workbench';

interface Manifest {
  displayName: string;
  contributes?: { commands?: { command: string; title: string; category?: string }[]; menus?: { commandPalette?: { command: string; when?: string }[] } };
}
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

describe('workbench and command palette', function () {
  const ctx = useWorkbench();

  it('loads the workbench', async () => {
    await ctx.wb.page.locator('.monaco-workbench').waitFor({ state: 'visible' });
    await screenshot(ctx.wb.page, 'workbench');
  });

  it('lists our extension among the installed extensions', async () => {
    await runCommand(ctx.wb.page, 'Extensions: Show Installed Extensions');
    const item = ctx.wb.page.locator('.extensions-viewlet .extension-list-item').filter({ hasText: manifest.displayName });
    await item.first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(ctx.wb.page, 'installed-extensions');
  });

  it('shows our commands in the palette', async function () {
    // Commands with a `when` in the palette show only in their context (an open editor, a media file): not here.
    const hidden = new Set((manifest.contributes?.menus?.commandPalette ?? []).filter((m) => m.when).map((m) => m.command));
    const commands = (manifest.contributes?.commands ?? []).filter((c) => !hidden.has(c.command));
    if (commands.length === 0) this.skip(); // nothing contributed yet
    const missing: string[] = [];
    for (const c of commands) {
      const title = c.category ? `${c.category}: ${c.title}` : c.title;
      if (!(await paletteHas(ctx.wb.page, title))) missing.push(title);
    }
    assert.deepEqual(missing, [], 'commands missing from the palette');
  });

  it('runs one of ours from the palette: a sample text opens, and the text commands show up for it', async () => {
    await runCommand(ctx.wb.page, 'Hugging Face: Open a Sample Text');
    await ctx.wb.page.locator('.monaco-editor .view-lines').filter({ hasText: 'The tower is 324 metres' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await waitForToast(ctx.wb.page, /first paragraph is selected/);
    await screenshot(ctx.wb.page, 'sample-text');
    assert.equal(await paletteHas(ctx.wb.page, 'Hugging Face: Summarize'), true);
  });

  it('runs a command from the palette (Help: About)', async () => {
    await runCommand(ctx.wb.page, 'Help: About');
    const dialog = ctx.wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await dialog.innerText();
    assert.match(text, /code-server: v\d+\.\d+/);
    assert.match(text, /Code: 1\.\d+/);
    await screenshot(ctx.wb.page, 'help-about');
    await ctx.wb.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
