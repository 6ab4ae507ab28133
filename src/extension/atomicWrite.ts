// Writing a file so that it is either the old one or the whole new one, never a half:
// the content goes to a temporary file beside it, which is then renamed over it.
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import * as vscode from 'vscode';

export async function writeFileAtomically(target: vscode.Uri, content: Uint8Array): Promise<void> {
  // A rename with `overwrite` would delete a folder in the way: only ever replace a file.
  const existing = await Promise.resolve(vscode.workspace.fs.stat(target)).catch(() => undefined);
  if (existing && existing.type & vscode.FileType.Directory) throw new Error(`${posix.basename(target.path)} is a folder`);
  const dir = posix.dirname(target.path);
  const temp = target.with({ path: posix.join(dir, `.${posix.basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`) });
  try {
    await vscode.workspace.fs.writeFile(temp, content);
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    throw e;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
