// A RunHost for the component-file tests: the real executor against a given base
// URL, files from an in-memory map, and answers, selection, environment and consent
// given by the test; every question asked is recorded.
import { execute } from '../../src/executor';
import type { RecipeVariable, RunHost } from '../../src/extension/componentFiles';

export interface FakeHostOptions {
  baseUrl: string;
  token?: string;
  files?: Record<string, Uint8Array | string>;
  selection?: string;
  env?: Record<string, string>;
  trusted?: boolean;
  /** Answers to variable prompts, by name (missing: the prompt is dismissed). */
  answers?: Record<string, string>;
  allow?: boolean;
  signal?: AbortSignal;
}

export interface FakeHost extends RunHost {
  asked: string[];
  consents: string[];
  filesRead: string[];
}

export function fakeHost(o: FakeHostOptions): FakeHost {
  const host: FakeHost = {
    asked: [],
    consents: [],
    filesRead: [],
    setup: { base_url: o.baseUrl, is_custom_endpoint: false },
    trusted: o.trusted ?? true,
    signal: o.signal,
    execute: (request, signal) => execute(request, { signal, maxWaitMs: 0 }),
    token: async () => o.token ?? '',
    readFile: async (path) => {
      host.filesRead.push(path);
      const content = o.files?.[path];
      if (content === undefined) throw new Error('file not found');
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    selection: () => o.selection,
    env: (name) => o.env?.[name],
    askVariable: async (v: RecipeVariable) => {
      host.asked.push(v.name);
      return o.answers?.[v.name];
    },
    allowEndpoint: async (origin) => {
      host.consents.push(origin);
      return o.allow ?? false;
    },
  };
  return host;
}
