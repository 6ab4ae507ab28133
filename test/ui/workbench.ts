// Helpers for UI tests: drive the real workbench the way a person would (palette, toasts,
// webviews) through headless Chromium. The server is started by scripts/vscode-test/run.mjs ui,
// which passes its URL and the run's folders in HF_TASKS_UI_* variables.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';

export interface UiEnv {
  url: string;
  workspace: string;
  userDataDir: string;
  runDir: string;
  chromium: string;
  screenshots: string;
}

export function uiEnv(): UiEnv {
  const get = (name: string): string => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set: run UI tests through \`node scripts/vscode-test/run.mjs ui\``);
    return v;
  };
  return {
    url: get('HF_TASKS_UI_URL'),
    workspace: get('HF_TASKS_UI_WORKSPACE'),
    userDataDir: get('HF_TASKS_UI_USER_DATA'),
    runDir: get('HF_TASKS_UI_RUN_DIR'),
    chromium: process.env.HF_TASKS_UI_CHROMIUM || '/usr/bin/chromium',
    screenshots: process.env.HF_TASKS_UI_SCREENSHOTS || join(process.cwd(), 'test-results', 'ui'),
  };
}

export interface Workbench {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

let profiles = 0;

/**
 * Opens the workbench on the run's workspace (or `folder`) in a fresh browser profile;
 * `params` are extra URL query parameters; `beforeLoad` prepares the browser context
 * (e.g. init scripts for every frame) before the workbench loads.
 */
export async function openWorkbench(options: { folder?: string; params?: Record<string, string>; beforeLoad?: (context: BrowserContext) => Promise<unknown> } = {}): Promise<Workbench> {
  const env = uiEnv();
  // Fresh profile per workbench: secrets and UI state live in the browser's storage.
  const profile = join(env.runDir, `browser-${process.pid}-${++profiles}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env.chromium,
    headless: true,
    // Same flags as scripts/vscode-test/browser.mjs (an .mjs module this CommonJS file cannot import).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1400, height: 900 },
  });
  try {
    await options.beforeLoad?.(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const query = new URLSearchParams({ folder: options.folder ?? env.workspace, ...options.params });
    await page.goto(`${env.url}?${query}`);
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 30_000 });
    // Status bar plus activity bar or side bar: the layout is up and keyboard input reaches it.
    await page.locator('.monaco-workbench .part.activitybar, .monaco-workbench .part.sidebar').first().waitFor({ timeout: 30_000 });
    return { context, page, close: () => context.close() };
  } catch (err) {
    await context.close();
    throw err;
  }
}

/**
 * A suite's workbench: opened (in a fresh profile) before the suite, closed after it;
 * a failed test leaves a screenshot named after it.
 */
export function useWorkbench(): { readonly wb: Workbench } {
  const ctx = {} as { wb: Workbench };
  before(async function () {
    this.timeout(90_000);
    ctx.wb = await openWorkbench();
  });
  after(async () => {
    await ctx.wb?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && ctx.wb) await screenshot(ctx.wb.page, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 80)}`);
  });
  return ctx;
}

const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');

const rows = (page: Page): Locator => quickInput(page).locator('.monaco-list-row');
const exactly = (text: string): RegExp => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Opens the command palette (F1) and types `query` (without the leading `>`). */
export async function openPalette(page: Page, query: string): Promise<void> {
  const input = quickInput(page).locator('input.input');
  // A modal editor (e.g. Running Extensions) hides the palette behind it: Escape closes it first.
  for (const keys of [['F1'], ['Escape', 'F1'], ['Escape', 'Control+Shift+P']]) {
    for (const key of keys) await page.keyboard.press(key);
    if (await input.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) break;
  }
  await input.fill(`>${query}`);
}

/** The palette's row whose label is exactly `title`, once the list shows it; null if it never does. */
export async function paletteRow(page: Page, title: string, timeout = 5000): Promise<Locator | null> {
  const row = rows(page).filter({ has: page.locator('.label-name', { hasText: exactly(title) }) }).first();
  try {
    await row.waitFor({ state: 'visible', timeout });
    return row;
  } catch {
    return null;
  }
}

/** The labels the palette lists right now. */
export async function paletteLabels(page: Page): Promise<string[]> {
  return (await rows(page).locator('.label-name').allInnerTexts()).map((t) => t.trim());
}

export async function closePalette(page: Page): Promise<void> {
  if (await quickInput(page).isVisible()) await page.keyboard.press('Escape');
  await quickInput(page).waitFor({ state: 'hidden' });
}

// The palette lists the commands known when it opens, and some register late (workbench
// contributions after startup, extensions on activation): reopen it until `title` shows up.
async function findInPalette(page: Page, title: string, timeout: number): Promise<Locator | null> {
  const deadline = Date.now() + timeout;
  for (;;) {
    await openPalette(page, title);
    const row = await paletteRow(page, title, Math.max(500, Math.min(2000, deadline - Date.now())));
    if (row || Date.now() >= deadline) return row;
    await closePalette(page);
    await page.waitForTimeout(500);
  }
}

/** Whether the command palette offers a command titled exactly `title` ("Category: Title"). */
export async function paletteHas(page: Page, title: string, timeout = 15_000): Promise<boolean> {
  const found = (await findInPalette(page, title, timeout)) !== null;
  await closePalette(page);
  return found;
}

/** Runs a command by its palette title ("Category: Title") as a person would: F1, type, pick it. */
export async function runCommand(page: Page, title: string, timeout = 15_000): Promise<void> {
  const row = await findInPalette(page, title, timeout);
  if (!row) {
    const shown = await paletteLabels(page);
    await closePalette(page);
    throw new Error(`"${title}" is not in the command palette; it listed: ${shown.slice(0, 10).join(' | ') || '(nothing)'}`);
  }
  await row.click();
  await quickInput(page).waitFor({ state: 'hidden' });
}

/**
 * Like runCommand, for commands that open a quick input of their own (a model picker,
 * a question box) in the palette's place: returns once the palette's query is gone.
 */
export async function startCommand(page: Page, title: string, timeout = 15_000): Promise<void> {
  const row = await findInPalette(page, title, timeout);
  if (!row) throw new Error(`"${title}" is not in the command palette`);
  await row.click();
  const input = quickInput(page).locator('input.input');
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(100)) {
    const hidden = !(await quickInput(page).isVisible());
    if (hidden || !(await input.inputValue().catch(() => '>')).startsWith('>')) return;
  }
  throw new Error(`"${title}" did not take over the palette`);
}

/** Sets the token as a person does: the palette, then the password box; the core checks it with the Hub (the test server). */
export async function signIn(page: Page, token: string): Promise<void> {
  await startCommand(page, 'Hugging Face: Set API Token');
  const input = quickInput(page).locator('input.input');
  await input.fill(token);
  await input.press('Enter');
  await waitForToast(page, /Signed in to Hugging Face as test-user/);
}

/** Records and dismisses every browser dialog (alert, confirm, prompt) the page opens: a test expects none. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Opens a workspace file by name (Quick Open) and selects all of it. */
export async function selectAllOf(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await quickInput(page).locator('input.input').fill(name);
  await quickInput(page).locator('.monaco-list-row', { hasText: name }).first().click();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
}

/** Runs one of our commands on the selection from the palette: answers its question box, if any, and takes the default model. */
export async function runOnSelection(page: Page, title: string, question?: { title: string; answer: string }): Promise<void> {
  await startCommand(page, title);
  const widget = quickInput(page);
  if (question) {
    await widget.locator('.quick-input-title', { hasText: question.title }).waitFor({ timeout: 15_000 });
    await widget.locator('input.input').fill(question.answer);
    await widget.locator('input.input').press('Enter');
  }
  // The model picker, default first.
  await widget.locator('.quick-input-title', { hasText: 'choose a model' }).waitFor({ timeout: 15_000 });
  await widget.locator('.monaco-list-row').first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 15_000 });
}

/** The theme a fresh workbench starts with. */
export const DEFAULT_THEME = 'Light 2026';

/** Picks a colour theme by its label from the theme picker, as a person does. */
export async function pickTheme(page: Page, label: string): Promise<void> {
  const picker = quickInput(page);
  // A row under the mouse would be focused, and previewed, as the picker opens.
  await page.mouse.move(0, 0);
  await startCommand(page, 'Preferences: Color Theme');
  await picker.locator('input.input').fill(label);
  await picker.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first().click();
  await picker.waitFor({ state: 'hidden' });
}

export const toasts = (page: Page): Locator => page.locator('.notifications-toasts .notification-toast');

/** Waits for a notification toast whose text matches, and returns it. */
export async function waitForToast(page: Page, text: string | RegExp, timeout = 15_000): Promise<Locator> {
  const toast = toasts(page).filter({ hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout });
  await page.waitForTimeout(500); // toasts fade in; screenshots taken earlier come out blank
  return toast;
}

/** The text of every visible notification toast. */
export async function toastTexts(page: Page): Promise<string[]> {
  return (await toasts(page).locator('.notification-list-item-message').allInnerTexts()).map((t) => t.trim());
}

/** The content of the active webview (webviews sit two iframes deep). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Saves test-results/ui/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = uiEnv().screenshots;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Merges settings into the user settings file; the running workbench picks them up live. */
export function setUserSettings(settings: Record<string, unknown>): void {
  const file = join(uiEnv().userDataDir, 'User', 'settings.json');
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
}
