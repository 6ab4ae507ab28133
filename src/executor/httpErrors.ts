// HTTP error answers turned into messages people can act on.
import { ComponentError } from './errors';
import type { TaskInfo } from './tasks';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  408: 'Request Timeout', 410: 'Gone', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export const TOKEN_PERMISSION_URL = 'https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained';

/** The server's own words from an error body: `error` (string, list or `{message}`), `message`, or the text. */
export function serverMessage(body: Buffer | string, contentType?: string): string {
  const text = (typeof body === 'string' ? body : body.toString('utf8')).trim();
  if (!text) return '';
  try {
    const parsed = JSON.parse(text) as unknown;
    const found = messageOf(parsed);
    if (found) return clip(found);
  } catch {
    // not JSON
  }
  if (/^\s*</.test(text) || (contentType ?? '').includes('html')) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return title ? `an HTML page ("${clip(title, 120)}")` : 'an HTML page instead of JSON';
  }
  return clip(text);
}

function messageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const parts = value.map(messageOf).filter((x): x is string => !!x);
    return parts.length ? parts.join('; ') : undefined;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return messageOf(o.error) ?? messageOf(o.message) ?? messageOf(o.detail);
  }
  return undefined;
}

function clip(s: string, max = 400): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** What to do about an HTTP status, in a sentence. */
function advice(status: number, task: TaskInfo, hasToken: boolean, said: string): string {
  switch (status) {
    case 401:
      return hasToken
        ? 'The token was rejected: check that it is valid and not revoked (https://huggingface.co/settings/tokens).'
        : 'This endpoint needs a Hugging Face token: set one first.';
    case 403:
      return `The token is not allowed to do this. A fine-grained token needs the permission "Make calls to Inference Providers"; create one at ${TOKEN_PERMISSION_URL}. Gated models also need their license accepted on the model page.`;
    case 402:
      return 'The monthly included credits for Inference Providers are used up: add credits or a PRO plan on huggingface.co, or use your own Inference Endpoint.';
    case 404:
      if (/not supported|provider/i.test(said) || task.availability === 'endpoint') {
        return `${task.title} models are not served by Hugging Face's hf-inference provider today: deploy the model on an Inference Endpoint (or your own TGI/TEI server) and use it as a custom endpoint.`;
      }
      return 'Check the model id (and that the model is served for this task), or use a custom endpoint.';
    case 410:
      return 'This host is retired: set the base URL to https://router.huggingface.co/hf-inference (Hugging Face\'s router).';
    case 413:
      return 'The input is too large for this server.';
    case 503:
      return 'The service is unavailable; try again later.';
    default:
      return '';
  }
}

export function httpError(status: number, task: TaskInfo, hasToken: boolean, body: Buffer | string, contentType?: string): ComponentError {
  const said = serverMessage(body, contentType);
  const what = `Hugging Face answered ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;
  const tip = advice(status, task, hasToken, said);
  const message = `${what}${said ? `: ${said.replace(/[.\s]+$/, '')}` : ''}.${tip ? ` ${tip}` : ''}`;
  return new ComponentError('HTTP', message, { status });
}
