// The Hugging Face Hub API the extension needs: who owns a token (whoami-v2) and a
// model search filtered by pipeline tag, marking the models a provider serves.
import { getJson, HttpError, type GetOptions } from './httpGet';

export interface HubUser {
  name: string;
  fullname?: string;
  /** The token's own name and role, as the Hub reports them. */
  tokenName?: string;
  tokenRole?: string;
}

export interface ModelHit {
  id: string;
  downloads?: number;
  likes?: number;
  gated?: boolean;
  private?: boolean;
  /** Whether the provider asked about serves it; undefined when the Hub could not say. */
  served?: boolean;
}

export interface SearchQuery {
  pipelineTag: string;
  search?: string;
  limit?: number;
  /** Marks which hits this inference provider serves (`all`: any provider). */
  servedBy?: string;
}

/** Resolves `path` under the Hub URL, keeping any path prefix the URL has (mirrors, proxies). */
export function hubEndpoint(hubUrl: string, path: string): URL {
  return new URL(path, hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`);
}

/** Checks a token; a 401 rejects with `HttpError` kind `status`. */
export async function whoami(hubUrl: string, token: string, options: Omit<GetOptions, 'token'>): Promise<HubUser> {
  const url = hubEndpoint(hubUrl, 'api/whoami-v2').toString();
  const { status, body } = await getJson(url, { ...options, token });
  if (status === 401) throw new HttpError('status', 'The Hub does not accept this token (401): it is invalid, expired or revoked.', 401);
  if (status !== 200) throw new HttpError('status', `The Hub answered ${status} to the token check.`, status);
  const user = asObject(body);
  if (typeof user?.name !== 'string') throw new HttpError('invalid-response', `${hubEndpoint(hubUrl, '/').origin} did not answer like the Hugging Face Hub.`);
  const accessToken = asObject(asObject(user.auth)?.accessToken);
  return {
    name: user.name,
    ...(typeof user.fullname === 'string' && { fullname: user.fullname }),
    ...(typeof accessToken?.displayName === 'string' && { tokenName: accessToken.displayName }),
    ...(typeof accessToken?.role === 'string' && { tokenRole: accessToken.role }),
  };
}

/**
 * Models for a pipeline tag, most downloaded first. Which of them are served comes
 * from the same search filtered by provider: a served model ranks at least as high
 * in that shorter list, so every hit's mark is exact.
 */
export async function searchModels(hubUrl: string, query: SearchQuery, options: GetOptions): Promise<ModelHit[]> {
  const [all, served] = await Promise.all([
    listModels(hubUrl, query, undefined, options),
    query.servedBy ? listModels(hubUrl, query, query.servedBy, options).catch(() => undefined) : undefined,
  ]);
  const servedIds = served && new Set(served.map((m) => m.id));
  return all.map((m) => (servedIds ? { ...m, served: servedIds.has(m.id) } : m));
}

async function listModels(hubUrl: string, query: SearchQuery, provider: string | undefined, options: GetOptions): Promise<ModelHit[]> {
  const url = hubEndpoint(hubUrl, 'api/models');
  url.searchParams.set('pipeline_tag', query.pipelineTag);
  if (query.search) url.searchParams.set('search', query.search);
  if (provider) url.searchParams.set('inference_provider', provider);
  url.searchParams.set('sort', 'downloads');
  url.searchParams.set('direction', '-1');
  url.searchParams.set('limit', String(query.limit ?? 20));
  const { status, body } = await getJson(url.toString(), options);
  if (status !== 200) throw new HttpError('status', `The Hub's model search answered ${status}.`, status);
  if (!Array.isArray(body)) throw new HttpError('invalid-response', "The Hub's model search did not return a list.");
  return body.flatMap((item): ModelHit[] => {
    const model = asObject(item);
    if (typeof model?.id !== 'string') return [];
    return [{
      id: model.id,
      ...(typeof model.downloads === 'number' && { downloads: model.downloads }),
      ...(typeof model.likes === 'number' && { likes: model.likes }),
      ...(model.gated !== undefined && { gated: model.gated !== false }),
      ...(typeof model.private === 'boolean' && { private: model.private }),
    }];
  });
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
