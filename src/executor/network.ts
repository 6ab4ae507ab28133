// Dispatchers for real networks: proxies (VS Code's http.proxy or HTTPS_PROXY /
// HTTP_PROXY, with NO_PROXY / http.noProxy) and extra CA certificates. TLS
// verification stays on unless the user explicitly turned strict SSL off.
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

export interface NetworkSettings {
  /** A proxy URL for every request (VS Code's `http.proxy`); else the environment's HTTPS_PROXY/HTTP_PROXY. */
  proxy?: string;
  /** Hosts that bypass the proxy (VS Code's `http.noProxy`); added to the environment's NO_PROXY. */
  noProxy?: string[];
  /** `false` only when the user turned verification off (VS Code's `http.proxyStrictSSL`). Default true. */
  strictSSL?: boolean;
  /** Extra CA certificates (PEM) trusted on top of the system's. */
  caCertificates?: (string | Buffer)[];
  /** The environment to read proxy variables and NODE_EXTRA_CA_CERTS from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

const KEEP_ALIVE: Agent.Options = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 128 };

function envVar(env: Record<string, string | undefined>, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v && v.trim() ? v.trim() : undefined;
}

/**
 * CA list for TLS: undefined keeps Node's defaults (which already include
 * NODE_EXTRA_CA_CERTS); with extra certificates, the system roots plus those plus
 * NODE_EXTRA_CA_CERTS, because an explicit list replaces the defaults.
 */
function caList(settings: NetworkSettings, env: Record<string, string | undefined>): (string | Buffer)[] | undefined {
  const extra = settings.caCertificates?.filter((c) => c && c.length) ?? [];
  if (!extra.length) return undefined;
  const list: (string | Buffer)[] = [...rootCertificates, ...extra];
  const fromEnv = env.NODE_EXTRA_CA_CERTS;
  if (fromEnv) {
    try {
      list.push(readFileSync(fromEnv));
    } catch {
      // Node ignores an unreadable NODE_EXTRA_CA_CERTS too (with a warning at start-up).
    }
  }
  return list;
}

/** Builds the dispatcher for these settings: a keep-alive Agent, or a proxy agent when a proxy applies. */
export function createDispatcher(settings: NetworkSettings = {}): Dispatcher {
  const env = settings.env ?? process.env;
  const ca = caList(settings, env);
  const tls = { ...(ca ? { ca } : {}), ...(settings.strictSSL === false ? { rejectUnauthorized: false } : {}) };
  const proxy = settings.proxy?.trim() || undefined;
  const httpsProxy = proxy ?? envVar(env, 'https_proxy') ?? envVar(env, 'http_proxy');
  const httpProxy = proxy ?? envVar(env, 'http_proxy');
  if (!httpsProxy && !httpProxy) return new Agent({ ...KEEP_ALIVE, connect: tls });
  const noProxy = [envVar(env, 'no_proxy'), ...(settings.noProxy ?? [])].filter(Boolean).join(',');
  return new EnvHttpProxyAgent({
    ...KEEP_ALIVE,
    // An empty string means "no proxy for this scheme" (undefined would fall back to process.env).
    httpProxy: httpProxy ?? '',
    httpsProxy: httpsProxy ?? '',
    noProxy,
    connect: tls,
    requestTls: tls,
    proxyTls: tls,
  });
}
