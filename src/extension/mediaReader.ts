// Reading a workspace image or audio file for a task, without trusting its name or
// its size: its size is checked from `stat` before anything is read, its first bytes
// must be media of the right kind, and a local file is handed to the executor as a
// Blob streamed from disk (never held in memory). Other schemes (remote, virtual
// workspaces) are read whole through vscode.workspace.fs, within the size limit.
import { openAsBlob } from 'node:fs';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { HEAD_BYTES, sizeProblem, sniffProblem, type MediaKind, type Sniffer } from './mediaFiles';

/** A refused file: the message says which file and why. */
export class MediaFileError extends Error {
  override readonly name = 'MediaFileError';
}

export interface MediaFile {
  uri: vscode.Uri;
  name: string;
  size: number;
  contentType: string;
  data: Blob | Uint8Array;
}

export const fileName = (uri: vscode.Uri) => posix.basename(uri.path);

/** The file's size, or a MediaFileError when it is missing, a folder, empty or over the limit. Reads nothing. */
export async function checkedSize(uri: vscode.Uri, maxBytes: number): Promise<number> {
  const name = fileName(uri);
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (e) {
    throw new MediaFileError(`${name} could not be read: ${(e as Error).message}`);
  }
  if (stat.type & vscode.FileType.Directory) throw new MediaFileError(`${name} is a folder, not a file.`);
  const problem = sizeProblem(name, stat.size, maxBytes);
  if (problem) throw new MediaFileError(problem);
  return stat.size;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function readMediaFile(uri: vscode.Uri, kind: MediaKind, maxBytes: number, sniff: Sniffer): Promise<MediaFile> {
  const name = fileName(uri);
  const size = await checkedSize(uri, maxBytes);
  const local = uri.scheme === 'file';
  let bytes: Uint8Array | undefined;
  let head: Uint8Array;
  try {
    if (local) head = await readHead(uri.fsPath);
    else {
      bytes = await vscode.workspace.fs.readFile(uri);
      // It may have grown since stat.
      const grown = sizeProblem(name, bytes.byteLength, maxBytes);
      if (grown) throw new MediaFileError(grown);
      head = bytes.subarray(0, HEAD_BYTES);
    }
  } catch (e) {
    if (e instanceof MediaFileError) throw e;
    throw new MediaFileError(`${name} could not be read: ${(e as Error).message}`);
  }
  const sniffed = sniffProblem(name, head, kind, sniff);
  if ('problem' in sniffed) throw new MediaFileError(sniffed.problem);
  const data = bytes ?? (await openAsBlob(uri.fsPath, { type: sniffed.contentType }));
  return { uri, name, size, contentType: sniffed.contentType, data };
}

/** The file's bytes, for drawing on it (a Blob is read now). */
export async function mediaBytes(file: MediaFile): Promise<Uint8Array> {
  return file.data instanceof Uint8Array ? file.data : new Uint8Array(await file.data.arrayBuffer());
}
