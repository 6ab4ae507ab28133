// Where the token may go: checks on the URLs from the settings (pure, no VS Code API).

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname) || url.hostname === '::1';
}

/** Hugging Face's own hosts need a token; local or custom servers may not. */
export function isHuggingFaceHost(value: string): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  const host = url.hostname.toLowerCase();
  return host === 'huggingface.co' || host.endsWith('.huggingface.co') || host === 'hf.co' || host.endsWith('.hf.co');
}

/**
 * What is wrong with a URL from setting `setting` (undefined when nothing is).
 * A token is only ever sent over HTTPS, or over plain HTTP to this machine.
 */
export function urlProblem(value: string, setting: string, withToken: boolean): string | undefined {
  const url = parseUrl(value);
  if (!url) return `"${value}" in ${setting} is not a URL.`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${setting} must be an http(s) URL, not ${url.protocol}.`;
  if (url.username || url.password) return `${setting} must not contain a user name or password.`;
  if (withToken && url.protocol === 'http:' && !isLoopback(url)) {
    return `Your token is only sent over HTTPS (or plain HTTP to localhost); ${setting} is ${url.origin}.`;
  }
  return undefined;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
