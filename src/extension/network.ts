// The one HTTP dispatcher every request goes through (the executor's task calls and
// the Hub's), built by the executor at first use with its keep-alive pool, plus the
// request log. It honours VS Code's proxy settings, the environment's HTTPS_PROXY /
// NO_PROXY, and extra CA certificates (huggingface.caCertificateFile and
// NODE_EXTRA_CA_CERTS); it is rebuilt when those settings change. TLS verification
// stays on unless the user explicitly set http.proxyStrictSSL to false.
import * as vscode from 'vscode';
import type { Dispatcher } from 'undici';
import type { NetworkSettings } from '../executor';
import { CA_FILE_SETTING, expandHome, readCaFile, shownProxy } from './caFile';
import { loadExecutor } from './lazyExecutor';
import { logRequest } from './log';
import { observeRequests } from './requestLog';

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
function proxySettings(): Pick<NetworkSettings, 'proxy' | 'noProxy' | 'strictSSL'> {
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
function caFilePath(): string | undefined {
  const value = vscode.workspace.getConfiguration().get<string>(CA_FILE_SETTING)?.trim();
  return value ? expandHome(value) : undefined;
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
