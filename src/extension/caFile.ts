// The extra CA certificates file (huggingface.caCertificateFile) and what the log may
// say about a proxy (pure: no VS Code API). A file that cannot be used is a message
// naming the setting and the path, never a silent fallback to fewer certificates.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute } from 'node:path';

export const CA_FILE_SETTING = 'huggingface.caCertificateFile';

/** `~/certs/ca.pem` → `/home/me/certs/ca.pem`. */
export function expandHome(path: string): string {
  return path.replace(/^~(?=$|[\\/])/, homedir());
}

/** The PEM text of the CA file, or a message saying why it cannot be used. */
export async function readCaFile(path: string): Promise<{ pem: string } | { problem: string }> {
  if (!isAbsolute(path)) return { problem: `${CA_FILE_SETTING} must be an absolute path (it is "${path}").` };
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (e as Error).message);
    return { problem: `The CA certificate file in ${CA_FILE_SETTING} could not be read (${path}: ${why}). Fix the path or clear the setting.` };
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) return { problem: `${path} (${CA_FILE_SETTING}) holds no PEM certificate ("-----BEGIN CERTIFICATE-----").` };
  return { pem };
}

/** A proxy URL without its user name and password, for the log. */
export function shownProxy(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparsable URL)';
  }
}
