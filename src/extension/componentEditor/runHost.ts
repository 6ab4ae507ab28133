// What a run needs from the editor, for one document: files next to it (through
// vscode.workspace.fs, kept inside its workspace folder), the selection in another
// editor, recipe variables (asked for and remembered per file; an image or audio
// variable is a file to pick), and consent before a file sends the token to another server.
import * as vscode from 'vscode';
import type { RecipeVariable, RunHost } from '../componentFiles';
import { extensionsOf, megabytes, type MediaKind } from '../mediaFiles';
import { showWarning } from '../notify';

const VARIABLES_KEY = 'huggingface.recipeVariables';

export interface HostOptions {
  document: vscode.TextDocument;
  token: string;
  setup: RunHost['setup'];
  execute: RunHost['execute'];
  signal: AbortSignal;
  state: vscode.Memento;
  /** Origins this session already allowed, as `<file>|<origin>`. */
  allowed: Set<string>;
  /** Values given by the caller (automation, tests): these variables are not asked for. */
  variables?: Record<string, string>;
  /** Larger `${file:…}` files are refused before they are read. */
  maxFileBytes: number;
  onUnit: RunHost['onUnit'];
}

export function createRunHost(o: HostOptions): RunHost {
  const file = o.document.uri;
  return {
    setup: o.setup,
    execute: o.execute,
    signal: o.signal,
    onUnit: o.onUnit,
    trusted: vscode.workspace.isTrusted,
    token: async () => o.token,
    env: (name) => process.env[name],
    readFile: (path) => readRelative(file, path, o.maxFileBytes),
    selection: () => otherSelection(o.document),
    askVariable: async (variable) => o.variables?.[variable.name] ?? askVariable(o.state, file, variable, o.maxFileBytes),
    allowEndpoint: async (origin) => {
      const key = `${file.toString()}|${origin}`;
      if (o.allowed.has(key)) return true;
      const send = 'Send Token';
      const choice = await showWarning(
        `${vscode.workspace.asRelativePath(file)} sends your Hugging Face token to ${origin} (its setup.base_url). Send it there?`,
        { modal: true, detail: 'Your settings send it to a different server. Only allow servers you trust.' },
        send,
      );
      if (choice === send) o.allowed.add(key);
      return choice === send;
    },
  };
}

/**
 * A file named relative to the component file, which must stay inside the file's workspace
 * folder, and within `maxBytes`: its size is checked from `stat` before it is read (a 2 GB
 * file is refused, not read whole).
 */
async function readRelative(file: vscode.Uri, path: string, maxBytes: number): Promise<Uint8Array> {
  if (file.scheme === 'untitled') throw new Error('save this file first: paths are relative to it');
  const target = vscode.Uri.joinPath(file, '..', path);
  const folder = vscode.workspace.getWorkspaceFolder(file);
  if (folder && vscode.workspace.getWorkspaceFolder(target)?.uri.toString() !== folder.uri.toString()) {
    throw new Error(`it is outside the workspace folder ${folder.name}`);
  }
  return readLimited(target, maxBytes);
}

/** A file's bytes, unless `stat` says it is over `maxBytes` (then it is not read). */
async function readLimited(target: vscode.Uri, maxBytes: number): Promise<Uint8Array> {
  const { size } = await vscode.workspace.fs.stat(target);
  if (size > maxBytes) throw new Error(`it is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit (huggingface.maxMediaMegabytes)`);
  return vscode.workspace.fs.readFile(target);
}

/** The selected text of another visible editor (the component file's own selection is where the user clicked). */
function otherSelection(document: vscode.TextDocument): string | undefined {
  const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e && e.document !== document && !e.selection.isEmpty);
  return editor?.document.getText(editor.selection);
}

/** An Instill format such as `image/*` or `audio/wav`: a file to pick, sent as base64. */
function mediaVariable(type: string | undefined): MediaKind | undefined {
  const kind = /^(image|audio)\b/i.exec(type ?? '')?.[1]?.toLowerCase();
  return kind === 'image' || kind === 'audio' ? kind : undefined;
}

async function askVariable(state: vscode.Memento, file: vscode.Uri, variable: RecipeVariable, maxFileBytes: number): Promise<string | undefined> {
  const all = state.get<Record<string, Record<string, string>>>(VARIABLES_KEY, {});
  const remembered = all[file.toString()]?.[variable.name];
  const remember = (value: string) => state.update(VARIABLES_KEY, { ...all, [file.toString()]: { ...all[file.toString()], [variable.name]: value } });
  const kind = mediaVariable(variable.type);
  if (kind) {
    // The file is remembered, not its bytes.
    const [picked] =
      (await vscode.window.showOpenDialog({
        title: `Recipe variable: ${variable.name} — ${variable.title ?? `an ${kind} file`}`,
        openLabel: `Use This ${kind === 'image' ? 'Image' : 'Audio'}`,
        canSelectMany: false,
        defaultUri: remembered ? vscode.Uri.parse(remembered) : vscode.Uri.joinPath(file, '..'),
        filters: { [kind === 'image' ? 'Images' : 'Audio']: extensionsOf(kind) },
      })) ?? [];
    if (!picked) return undefined;
    const bytes = await readLimited(picked, maxFileBytes);
    await remember(picked.toString());
    return Buffer.from(bytes).toString('base64');
  }
  const answer = await vscode.window.showInputBox({
    title: `Recipe variable: ${variable.name}`,
    prompt: `${variable.title ?? variable.name}${variable.type ? ` (${variable.type})` : ''}. Remembered for this file.`,
    value: remembered,
    ignoreFocusOut: true,
  });
  if (answer !== undefined) await remember(answer);
  return answer;
}
