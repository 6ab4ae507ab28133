// The one HTTP dispatcher every request goes through (the executor's task calls and
// the Hub's), built by the executor at first use with its keep-alive pool, plus the
// request log. It honours VS Code's proxy settings, the environment's HTTPS_PROXY /
// NO_PROXY, and extra CA certificates (huggingface.caCertificateFile and
// NODE_EXTRA_CA_CERTS); it is rebuilt when those settings change. TLS verification
// stays on unless the user explicitly set http.proxyStrictSSL to false.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute } from 'node:path';
import * as vscode from 'vscode';
import type { Dispatcher } from 'undici';
import type { NetworkSettings } from '../executor';
import { loadExecutor } from './lazyExecutor';
import { logRequest } from './log';
import { observeRequests } from './requestLog';

export const CA_FILE_SETTING = 'huggingface.caCertificateFile';
const SETTINGS = ['http.proxy', 'http.noProxy', 'http.proxyStrictSSL', 'http.proxySupport', CA_FILE_SETTING];

/**
 * A setting from the user's own settings only: these decide where requests, and so
 * the token, travel, so a workspace's .vscode/settings.json must not change them.
 */
function userSetting<T>(section: string, key: string): T | undefined {
  const value = vscode.workspace.getConfiguration(section).inspect<T>(key);
  return value?.globalValue ?? value?.defaultValue;
}

/** Proxy settings as the executor takes them (the CA file is read separately). */
export function proxySettings(): Pick<NetworkSettings, 'proxy' | 'noProxy' | 'strictSSL'> {
  const support = userSetting<string>('http', 'proxySupport');
  const proxy = support === 'off' ? undefined : userSetting<string>('http', 'proxy')?.trim();
  const noProxy = userSetting<unknown>('http', 'noProxy');
  return {
    ...(proxy ? { proxy } : {}),
    noProxy: Array.isArray(noProxy) ? noProxy.filter((h): h is string => typeof h === 'string' && h.trim() !== '') : [],
    strictSSL: userSetting<boolean>('http', 'proxyStrictSSL') !== false,
  };
}

/** The CA file's path, `~` expanded; undefined when the setting is empty. */
export function caFilePath(): string | undefined {
  const value = vscode.workspace.getConfiguration().get<string>(CA_FILE_SETTING)?.trim();
  return value ? value.replace(/^~(?=$|[\\/])/, homedir()) : undefined;
}

/** The PEM text of the CA file, or a message saying why it cannot be used. */
export async function readCaFile(path: string): Promise<{ pem: string } | { problem: string }> {
  if (!isAbsolute(path)) return { problem: `${CA_FILE_SETTING} must be an absolute path (it is "${path}").` };
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: `The CA certificate file in ${CA_FILE_SETTING} could not be read (${path}: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}). Fix the path or clear the setting.` };
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) return { problem: `${path} (${CA_FILE_SETTING}) holds no PEM certificate ("-----BEGIN CERTIFICATE-----").` };
  return { pem };
}

/** A proxy URL without its user name and password, for the log. */
function shownProxy(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.origin;
  } catch {
    return '(unparsable URL)';
  }
}

export class Network implements vscode.Disposable {
  private dispatcherPromise: Promise<Dispatcher> | undefined;
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (SETTINGS.some((s) => e.affectsConfiguration(s))) this.reset();
  });
  /** Sent with every request, so server logs can tell where calls come from. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    extensionVersion: string,
  ) {
    this.headers = { 'user-agent': `huggingface-vscode-tasks/${extensionVersion} vscode/${vscode.version}` };
  }

  /** The current dispatcher; rejects with a NETWORK ComponentError when the CA file cannot be used (retried on the next call). */
  dispatcher(): Promise<Dispatcher> {
    if (!this.dispatcherPromise) {
      const building = this.build();
      this.dispatcherPromise = building;
      building.catch(() => {
        if (this.dispatcherPromise === building) this.dispatcherPromise = undefined;
      });
    }
    return this.dispatcherPromise;
  }

  private async build(): Promise<Dispatcher> {
    const executor = await loadExecutor();
    const settings: NetworkSettings = proxySettings();
    const path = caFilePath();
    if (path) {
      const ca = await readCaFile(path);
      if ('problem' in ca) throw new executor.ComponentError('NETWORK', ca.problem);
      settings.caCertificates = [ca.pem];
    }
    this.log.info(
      `Network: ${settings.proxy ? `proxy ${shownProxy(settings.proxy)}` : 'no proxy setting (HTTPS_PROXY/NO_PROXY apply if set)'}` +
        `${settings.noProxy?.length ? `, bypassed for ${settings.noProxy.join(', ')}` : ''}` +
        `${path ? `, extra CA certificates from ${path}` : ''}${settings.strictSSL === false ? ', TLS verification OFF (http.proxyStrictSSL is false)' : ''}.`,
    );
    return executor.createDispatcher(settings).compose(observeRequests((record) => logRequest(this.log, record)));
  }

  /** The next request gets a dispatcher built from the new settings; requests in flight finish on the old one. */
  private reset(): void {
    const old = this.dispatcherPromise;
    this.dispatcherPromise = undefined;
    void old?.then((d) => d.close()).catch(() => undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.reset();
  }
}
