// The setup a run uses: the configured connection, the stored token, and the
// overrides a file may write. The key never comes from a file, and a file can
// only send the token to another server when the workspace is trusted and the
// user agrees to that server.
import type { Setup } from '../../executor';

/** The spec's default base URL, retired by Hugging Face (it answers 410). */
const RETIRED_HOST = 'api-inference.huggingface.co';

export function isRetiredBaseUrl(url: string): boolean {
  try {
    return new URL(url).hostname === RETIRED_HOST;
  } catch {
    return false;
  }
}

export interface SetupDecision {
  setup: Setup;
  /** An origin other than the configured one that the token would go to: ask first. */
  consentFor?: string;
}

export class SetupRefused extends Error {
  constructor(
    message: string,
    /** The setup field at fault, as a JSON pointer (`/api_key`). */
    readonly field: string,
  ) {
    super(message);
  }
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/**
 * `overrides`: the file's `setup` with references resolved (`${secret.…}` is the
 * token). Throws `SetupRefused` when an override cannot be used.
 */
export function decideSetup(overrides: unknown, configured: Setup, token: string, trusted: boolean): SetupDecision {
  const setup: Setup = { ...configured, api_key: token };
  if (overrides === undefined || overrides === null) return { setup };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) throw new SetupRefused('`setup` must be a map (`base_url`, `is_custom_endpoint`).', '');
  const { api_key: key, base_url: baseUrl, is_custom_endpoint: custom } = overrides as Record<string, unknown>;
  if (key !== undefined && key !== token) throw new SetupRefused('Remove the key from the file: it comes from secret storage ("Hugging Face: Set API Token").', '/api_key');
  if (custom !== undefined && typeof custom !== 'boolean') throw new SetupRefused('`is_custom_endpoint` must be true or false.', '/is_custom_endpoint');
  if (baseUrl === undefined || baseUrl === null || (typeof baseUrl === 'string' && isRetiredBaseUrl(baseUrl))) {
    return { setup: custom === undefined ? setup : { ...setup, is_custom_endpoint: custom } };
  }
  if (typeof baseUrl !== 'string' || !originOf(baseUrl)) throw new SetupRefused('`base_url` must be a URL such as https://my-endpoint.endpoints.huggingface.cloud.', '/base_url');
  // An untrusted workspace cannot redirect the token: its endpoint override is ignored as a whole.
  if (!trusted) return { setup };
  const decision: SetupDecision = { setup: { ...setup, base_url: baseUrl, ...(custom === undefined ? {} : { is_custom_endpoint: custom }) } };
  const origin = originOf(baseUrl)!;
  if (origin !== originOf(configured.base_url)) decision.consentFor = origin;
  return decision;
}
