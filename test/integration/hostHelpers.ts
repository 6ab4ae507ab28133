// Shared by the extension's integration suites (they run inside the real VS Code
// extension host): the loopback HF server the settings point at, documents to work
// on, and what the extension shows inline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HfTestServer } from '../support/hfServer';

export const EXTENSION_ID = 'hf-tasks.huggingface-vscode-tasks';
export const TOKEN = 'hf_integrationtoken_abcdefghij';

/** Starts the HF server with TOKEN, points the user settings at it, activates the extension and signs in. */
export async function startHf(): Promise<HfTestServer> {
  const server = await HfTestServer.start({ token: TOKEN });
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  await configure({ baseUrl: server.url, hubUrl: server.url, isCustomEndpoint: false, textResult: 'insertBelow', maxWaitSeconds: 10, requestTimeoutSeconds: 20 });
  assert.equal(await vscode.commands.executeCommand('huggingface.setToken', TOKEN), 'test-user');
  server.reset();
  return server;
}

/**
 * A suite's loopback HF server: started (with the token set) before the suite,
 * reset before each test, editors closed after each, stopped after the suite.
 */
export function useHfServer(): { readonly server: HfTestServer } {
  const ctx = {} as { server: HfTestServer };
  before(async () => {
    ctx.server = await startHf();
  });
  after(() => stopHf(ctx.server));
  beforeEach(() => ctx.server.reset());
  afterEach(closeEditors);
  return ctx;
}

export async function stopHf(server: HfTestServer | undefined): Promise<void> {
  await closeEditors();
  await server?.close();
}

export async function configure(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('huggingface');
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
}

/** Opens an untitled document with `content` and selects `selected` (its first occurrence), or nothing. */
export async function openText(content: string, selected?: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  let document = await vscode.workspace.openTextDocument({ language, content });
  // Right after an untitled editor is reverted and closed, VS Code may hand its model
  // back (with its old text) for a new untitled document: ask again until it is ours.
  for (let i = 0; i < 20 && document.getText() !== content; i++) {
    await new Promise((r) => setTimeout(r, 50));
    document = await vscode.workspace.openTextDocument({ language, content });
  }
  assert.equal(document.getText(), content, 'a fresh untitled document');
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  if (selected !== undefined) {
    const at = content.indexOf(selected);
    assert.ok(at >= 0, `"${selected}" is not in the document`);
    editor.selection = new vscode.Selection(document.positionAt(at), document.positionAt(at + selected.length));
  }
  return editor;
}

/** Closes every editor, discarding changes (closing a dirty untitled editor would ask to save it). */
export async function closeEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

export interface Shown {
  kind: 'label' | 'span' | 'highlight';
  text?: string;
  range: vscode.Range;
  hover: string;
}

export async function inlineResults(document: vscode.TextDocument): Promise<Shown[]> {
  return (await vscode.commands.executeCommand<Shown[]>('huggingface._test.decorations', document.uri)) ?? [];
}

export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The inference requests the server saw (Hub calls left out). */
export function inferenceRequests(server: HfTestServer) {
  return server.requests.filter((r) => r.method === 'POST');
}

/** A fresh folder `name` in the test workspace (so findFiles and the explorer see it). */
export async function workspaceFolder(name: string): Promise<vscode.Uri> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the test run opens a workspace folder');
  const folder = vscode.Uri.joinPath(root, name);
  await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
  await vscode.workspace.fs.createDirectory(folder);
  return folder;
}

export async function writeFile(folder: vscode.Uri, name: string, bytes: Uint8Array): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export interface MediaView {
  id: number;
  title: string;
  html: string;
}

/** The media result views open now, newest last. */
export async function mediaViews(): Promise<MediaView[]> {
  return (await vscode.commands.executeCommand<MediaView[]>('huggingface._test.mediaViews')) ?? [];
}

/** The annotated images (SVG text) a view's HTML shows. */
export function svgsIn(html: string): string[] {
  return [...html.matchAll(/src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));
}

/** Sets `section.key` in the user settings for the test, and returns a function that removes it. */
export async function userSetting(section: string, key: string, value: unknown): Promise<() => Promise<void>> {
  const config = () => vscode.workspace.getConfiguration(section);
  await config().update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  };
}

type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;
const NOTIFICATIONS = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const;

export interface NotificationSpy {
  /** Notifications shown, as `warning: text` (each answered as if dismissed). */
  readonly shown: string[];
  /** Notification progress: titles and messages, in order. */
  readonly progress: string[];
}

/**
 * Records, for the suite, what the extension shows in notifications instead of showing
 * it (the extension host's API object is shared, so the spy sees the extension's calls);
 * progress still runs, its title and messages recorded. Cleared before each test.
 */
export function useNotificationSpy(): NotificationSpy {
  const spy = { shown: [] as string[], progress: [] as string[] };
  const win = vscode.window as unknown as Record<(typeof NOTIFICATIONS)[number], Show> & { withProgress: typeof vscode.window.withProgress };
  const originals = { ...Object.fromEntries(NOTIFICATIONS.map((k) => [k, win[k]])), withProgress: win.withProgress } as typeof win;
  before(() => {
    for (const k of NOTIFICATIONS) {
      win[k] = async (message: string) => {
        spy.shown.push(`${k.replace(/^show|Message$/g, '').toLowerCase()}: ${message}`);
        return undefined;
      };
    }
    win.withProgress = (options, task) => {
      if (options.title) spy.progress.push(options.title);
      return originals.withProgress(options, (progress, token) =>
        task({ report: (r) => (r.message && spy.progress.push(r.message), progress.report(r)) }, token),
      );
    };
  });
  after(() => {
    for (const k of NOTIFICATIONS) win[k] = originals[k];
    win.withProgress = originals.withProgress;
  });
  beforeEach(() => {
    spy.shown.length = 0;
    spy.progress.length = 0;
  });
  return spy;
}
