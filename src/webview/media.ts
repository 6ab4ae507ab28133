// Media held by the webview: URLs to show them and files read from drops or pastes.
import { MAX_MEDIA_BYTES, type MediaFile } from '../shared/protocol';
import { bytes } from './format';

const SAFE_MIME = /^(image|audio)\/[a-z0-9][a-z0-9.+-]{0,80}$/i;

/** A `data:` URL for an <img>/<audio> (CSP allows data: for both; nothing else from outside). */
export function mediaUrl(media: MediaFile, kind: 'image' | 'audio'): string {
  const mime = SAFE_MIME.test(media.mime) && media.mime.startsWith(`${kind}/`) ? media.mime : `${kind}/octet-stream`;
  return `data:${mime};base64,${media.base64}`;
}

/** The size of the decoded bytes. */
export function mediaSize(media: MediaFile): number {
  const padding = media.base64.endsWith('==') ? 2 : media.base64.endsWith('=') ? 1 : 0;
  return Math.max(0, (media.base64.length / 4) * 3 - padding);
}

/** Reads a dropped or pasted file; refuses other kinds of files and files above the limit. */
export function readFile(file: File, kind: 'image' | 'audio'): Promise<MediaFile> {
  if (file.type && !file.type.startsWith(`${kind}/`)) return Promise.reject(new Error(`${file.name || 'That file'} is not ${kind === 'image' ? 'an image' : 'an audio file'}.`));
  if (file.size > MAX_MEDIA_BYTES) return Promise.reject(new Error(`${file.name || 'That file'} is ${bytes(file.size)}; panels take files up to ${bytes(MAX_MEDIA_BYTES)}.`));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`Could not read ${file.name || 'the file'}.`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name || `pasted ${kind}`, mime: file.type || `${kind}/octet-stream`, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}
