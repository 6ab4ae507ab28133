// Trust, checked where a person looks: the real workbench in Chromium. A hostile model's
// answers (HTML, script, links to commands and other sites, bidi overrides, 100k
// characters) show as inert text in the inline label, its hover and the notifications;
// and a canary token, set through the palette and echoed back by failing servers, shows
// up nowhere: not in notifications, the notification centre, the log, any webview's
// HTML or messages, the page, or any file the run leaves.
import * as assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { makeCanary } from '../support/canary';
import { HfTestServer } from '../support/hfServer';
import { closeAll, field, openTaskPanel, panel, panelWindow } from './panelDriver';
import { canary } from './panelProbes';
import { openWorkbench, recordDialogs, runCommand, runOnSelection, screenshot, selectAllOf, setUserSettings, signIn, uiEnv, waitForToast, type Workbench } from './workbench';

const canaryToken = makeCanary();
const CANARY = canaryToken.token;
const leaks = canaryToken.leaks;

const HTML = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`;
const LINKS = `[Sign in again](command:huggingface.signOut) [docs](https://evil.example/login)`;
const LONG = `\u202Egnp.exe ${'W'.repeat(100_000)}`;

// The callbacks below run in the browser; the project compiles without the DOM library.
interface El {
  textContent: string | null;
}
declare const document: { querySelectorAll(selector: string): ArrayLike<El> };
declare function getComputedStyle(element: unknown, pseudo?: string): { content: string };
declare const window: { __pwned?: unknown; __hfMessages?: { seen: number; leaks: number } };

/** In every frame (the workbench and each webview's frames): counts the messages posted to it, and those carrying the canary. */
function watchMessages(forms: string[]): void {
  const tally = { seen: 0, leaks: 0 };
  window.__hfMessages = tally;
  (globalThis as unknown as { addEventListener(type: string, listener: (e: { data: unknown }) => void, capture: boolean): void }).addEventListener(
    'message',
    (e) => {
      tally.seen++;
      let text = '';
      try {
        text = typeof e.data === 'string' ? e.data : JSON.stringify(e.data) ?? '';
      } catch {
        return;
      }
      if (forms.some((f) => text.includes(f))) tally.leaks++;
    },
    true,
  );
}

/** What the editor shows on its lines: the text, and what decorations add after it. */
const editorShows = (page: Page): Promise<string> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.monaco-editor .view-lines span'))
      .map((el) => {
        const after = getComputedStyle(el, '::after').content;
        return after && after !== 'none' && after !== 'normal' ? `${el.textContent ?? ''}${after}` : '';
      })
      .join('\n'),
  );

/** Links inside an element's rendered text (buttons are not links). */
const linksIn = async (locator: Locator): Promise<string[]> => locator.locator('a').evaluateAll((as) => as.map((a) => (a as unknown as { getAttribute(n: string): string | null }).getAttribute('data-href') ?? (a as unknown as { getAttribute(n: string): string | null }).getAttribute('href') ?? ''));


describe('trust: hostile model output and a canary token in the workbench', function () {
  this.timeout(60_000);
  let wb: Workbench;
  let server: HfTestServer;
  let elsewhere: HfTestServer;
  let dialogs: string[] = [];

  const clearNotifications = () => runCommand(wb.page, 'Notifications: Clear All Notifications');

  before(async function () {
    this.timeout(180_000);
    server = await HfTestServer.start({ token: CANARY });
    elsewhere = await HfTestServer.start();
    writeFileSync(join(uiEnv().workspace, 'trust.md'), 'I love this movie.\nSarah lives in Paris.\n');
    setUserSettings({ 'huggingface.baseUrl': server.url, 'huggingface.hubUrl': server.url, 'huggingface.maxWaitSeconds': 5, 'workbench.startupEditor': 'none' });
    wb = await openWorkbench({ beforeLoad: (context: BrowserContext) => context.addInitScript(watchMessages, canaryToken.forms) });
    dialogs = recordDialogs(wb.page);
    await signIn(wb.page, CANARY);
    // The status bar says who is signed in (the Hub's name for the token), never the token.
    const account = wb.page.locator('.statusbar-item', { hasText: 'HF: test-user' });
    await account.waitFor({ timeout: 10_000 });
    assert.equal(leaks((await account.getAttribute('aria-label')) ?? ''), 0);
    await clearNotifications();
    await closeAll(wb.page);
  });

  after(async () => {
    await wb?.close();
    await server?.close();
    await elsewhere?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-trust-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}`);
    server.reset();
  });

  it('a hostile label shows as text in the inline label and in its hover; no link but our own, nothing runs', async () => {
    const { page } = wb;
    await selectAllOf(page, 'trust.md');
    server.script({ match: '/models/', json: [[{ label: `${HTML} ${LINKS} ${LONG}`, score: 0.987 }, { label: 'NEGATIVE', score: 0.013 }]] });
    await runOnSelection(page, 'Hugging Face: Classify Text');
    // The label after the line: the start of the payload, as written, cut short, the bidi override gone.
    let shown = '';
    for (let i = 0; i < 100 && !shown.includes('0.987'); i++) {
      await page.waitForTimeout(100);
      shown = await editorShows(page);
    }
    assert.match(shown, /<img src=x onerror=\\?"window\.__pwned='img…? ?0\.987/, `the label as text: ${shown.slice(0, 200)}`);
    assert.ok(!shown.includes('\u202E'), 'no bidi override in the label');
    assert.equal(await page.locator('.monaco-editor img, .monaco-editor script').count(), 0);

    // Its hover: the payload escaped into text, the one link is our own "Show details".
    await page.locator('.monaco-editor .view-line', { hasText: 'I love this movie.' }).first().hover();
    const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'Text Classification' }).first();
    await hover.waitFor({ timeout: 10_000 });
    const text = await hover.innerText();
    assert.ok(text.includes(`<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`), `the hover shows the HTML as text: ${text.slice(0, 300)}`);
    assert.ok(text.includes('[Sign in again](command:huggingface.signOut)'), 'the Markdown link shows as text');
    assert.ok(!text.includes('\u202E'), 'no bidi override in the hover');
    assert.ok(text.length < 5000, `the hover is bounded (${text.length} characters)`);
    const links = await linksIn(hover);
    assert.ok(links.length >= 2 && links.every((href) => /^command:huggingface\.(showDetails|showResultInPanel)\?/.test(href)), `only our own links: ${links.join(' ')}`);
    assert.equal(await hover.locator('img, script, iframe').count(), 0);
    await screenshot(page, 'trust-hostile-hover');

    // "Open in panel" shows the same result in the task's panel, as text there too, without running again.
    const posts = server.requests.filter((r) => r.method === 'POST').length;
    await hover.getByText('Open in panel').click();
    const frame = panel(page);
    await frame.locator('.result .ranked-row .row-label').first().waitFor({ timeout: 20_000 });
    assert.ok((await frame.locator('.result .ranked-row .row-label').first().innerText()).startsWith(`<img src=x onerror="window.__pwned='img'">`));
    assert.equal(await field(frame, '/inputs').locator('textarea').inputValue(), 'I love this movie.\nSarah lives in Paris.\n');
    assert.equal(await canary(await panelWindow(page)), undefined, 'no payload ran in the panel');
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, posts, 'no new request');
    await closeAll(page);
    await page.mouse.move(0, 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran in the workbench');
  });

  it('a hostile answer shows as text in the notification: no link forms, nothing runs', async () => {
    const { page } = wb;
    await clearNotifications();
    await selectAllOf(page, 'trust.md');
    server.script({ match: '/models/', json: { answer: `${LINKS} ${HTML} ${LONG}`, score: 0.91, start: 0, end: 5 } });
    await runOnSelection(page, 'Hugging Face: Ask About the Text (Question Answering)', { title: 'Question Answering', answer: 'Where does Sarah live?' });
    const toast = await waitForToast(page, /Answer: \[Sign in again\]/);
    const message = toast.locator('.notification-list-item-message');
    const text = await message.innerText();
    assert.ok(text.startsWith('Answer: [Sign in again] (command:huggingface.signOut) [docs] (https://evil.example/login) <img src=x'), `the answer as text: ${text.slice(0, 200)}`);
    assert.deepEqual(await linksIn(message), [], 'no link in the message');
    assert.ok(!text.includes('\u202E'));
    await screenshot(page, 'trust-hostile-notification');

    // Its "Open in Panel" button shows the question and the answer in the task's panel, as text there too.
    await toast.getByRole('button', { name: 'Open in Panel' }).click();
    const frame = panel(page);
    await frame.locator('.panel-header h1:text-is("Question Answering")').waitFor({ timeout: 20_000 });
    assert.equal(await field(frame, '/inputs/question').locator('textarea').inputValue(), 'Where does Sarah live?');
    await frame.locator('.result').first().waitFor();
    assert.ok((await frame.locator('.result').first().innerText()).includes('[Sign in again](command:huggingface.signOut)'), 'the answer, as text');
    assert.equal(await canary(await panelWindow(page)), undefined, 'no payload ran in the panel');
    // The panel opened beside the text, which kept the focus: close both.
    await closeAll(page);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  it('errors that echo the token and carry links show neither, from commands and from a panel', async () => {
    const { page } = wb;
    await clearNotifications();
    await selectAllOf(page, 'trust.md');
    const echo = `Authorization: Bearer ${CANARY} [Retry here](command:huggingface.signOut)`;
    // A server error quoting the request's header, with a link in it.
    server.script({ match: '/models/', status: 500, json: { error: `Internal error. ${echo}` } });
    await runOnSelection(page, 'Hugging Face: Classify Text');
    let toast = await waitForToast(page, /Internal error/);
    let message = toast.locator('.notification-list-item-message');
    assert.match(await message.innerText(), /Internal error\. Authorization: Bearer \[redacted\] \[Retry here\] \(command:huggingface\.signOut\)/);
    assert.deepEqual(await linksIn(message), []);

    // A 401 quoting it.
    server.script({ match: '/models/', status: 401, json: { error: `Invalid credentials in Authorization header: Bearer ${CANARY}` } });
    await runOnSelection(page, 'Hugging Face: Summarize');
    toast = await waitForToast(page, /Invalid credentials|token/i);
    message = toast.locator('.notification-list-item-message');
    assert.match(await message.innerText(), /\[redacted\]/);

    // A redirect to another origin: followed without the token (or refused), never with it.
    server.script({ match: '/models/', status: 307, headers: { location: `${elsewhere.url}/models/other` } });
    await runOnSelection(page, 'Hugging Face: Classify Text');
    for (let i = 0; i < 100 && elsewhere.requests.length === 0; i++) await page.waitForTimeout(100);
    assert.equal(elsewhere.requests.length, 1, 'the redirect was followed');
    assert.equal(elsewhere.requests[0].headers.authorization, undefined, 'without the token');

    // A panel run failing with the echo: its status shows the error, redacted.
    const frame = await openTaskPanel(page, 'Text Classification');
    await field(frame, '/inputs').locator('textarea').fill('I love this movie.');
    server.script({ match: '/models/', status: 400, json: { error: `Bad request. ${echo}` } });
    await frame.locator('button.run').click();
    const status = frame.locator('.run-status', { hasText: 'Bad request' });
    await status.waitFor({ timeout: 15_000 });
    assert.match(await status.innerText(), /\[redacted\]/);
    await screenshot(page, 'trust-panel-error');
    // The panel stays open: the next test reads its frames.
    assert.ok(server.requests.some((r) => r.headers.authorization === `Bearer ${CANARY}`), 'the runs did send the token to its own server');
  });

  it('the canary is nowhere to be seen: notifications, their centre, the log, every frame and its messages, the run\'s files', async () => {
    const { page } = wb;
    // The notification centre keeps every notification of the session.
    await runCommand(page, 'Notifications: Show Notifications');
    const centre = page.locator('.notifications-center');
    await centre.waitFor({ state: 'visible' });
    const notifications = await centre.innerText();
    assert.match(notifications, /\[redacted\]/, 'the centre holds the failures above');
    assert.equal(leaks(notifications), 0, 'the notification centre');
    await page.keyboard.press('Escape');

    // The log channel, open in the Output view.
    await runCommand(page, 'Hugging Face: Show Log');
    const output = page.locator('.part.panel .monaco-editor .view-lines');
    // Monaco writes spaces as no-break spaces.
    await output.filter({ hasText: /Text.Classification/ }).first().waitFor({ timeout: 15_000 });
    assert.equal(leaks(await output.first().innerText()), 0, 'the log shown in the Output view');

    // Every frame's document (the workbench, webviews, their inner frames) and every message any of them received.
    let webviewFrames = 0;
    let messages = 0;
    for (const frame of page.frames()) {
      assert.equal(leaks(await frame.content()), 0, `frame ${frame.url().slice(0, 80)}`);
      const tally = await frame.evaluate(() => window.__hfMessages).catch(() => undefined);
      if (tally) {
        messages += tally.seen;
        assert.equal(tally.leaks, 0, `messages received by ${frame.url().slice(0, 80)}`);
      }
      if (/webview/.test(frame.url())) webviewFrames++;
    }
    // The task panel's frames (outer and inner) are among them, and its traffic was watched.
    assert.ok(webviewFrames >= 2 && messages >= 4, `frames and messages were watched (${webviewFrames} webview frames, ${messages} messages)`);

    // Every file the run left so far: settings, state, logs (the log channel's file among them), the workspace.
    const env = uiEnv();
    const logged = readdirSync(env.userDataDir, { recursive: true, encoding: 'utf8' }).filter((f) => /Hugging Face.*\.log$/.test(f));
    assert.ok(logged.length > 0, 'the log channel was written to a file');
    assert.deepEqual([...canaryToken.filesHolding(env.userDataDir), ...canaryToken.filesHolding(env.workspace)], []);
    assert.deepEqual(dialogs, []);
  });
});
