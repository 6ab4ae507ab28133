// Signing in and out: the token is checked with the Hub's whoami-v2 before it is
// stored, and only ever stored in SecretStorage. Runs ask for a token when the
// endpoint is Hugging Face's and none is set.
import * as vscode from 'vscode';
import type { HubUser } from './hub';
import type { HubClient } from './hubClient';
import type { TokenStore } from './secrets';
import { openSettings, type SettingsWatcher } from './settings';
import { isHuggingFaceHost, urlProblem } from './urls';
import { showError, showInfo, withNotificationProgress } from './notify';

const ENV_TOKENS = ['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN'];

export class TokenCommands {
  constructor(
    private readonly tokens: TokenStore,
    private readonly hub: HubClient,
    private readonly settings: SettingsWatcher,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * `huggingface.setToken`: asks for a token (or takes one given as the argument, for
   * automation), checks it and stores it. Resolves with the user name when stored.
   */
  async setToken(arg?: unknown): Promise<string | undefined> {
    const given = typeof arg === 'string' ? arg : isObject(arg) && typeof arg.token === 'string' ? arg.token : undefined;
    const token = (
      given ??
      (await vscode.window.showInputBox({
        title: 'Hugging Face: Set API Token',
        prompt: "Paste a User Access Token from huggingface.co/settings/tokens. It is checked with the Hub, then kept in VS Code's secret storage.",
        placeHolder: 'hf_…',
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (/\s/.test(v.trim()) ? 'A token has no spaces in it.' : undefined),
      }))
    )?.trim();
    if (!token) return undefined;
    return this.checkAndStore(token, 'the token');
  }

  /** `huggingface.signOut`. */
  async signOut(): Promise<boolean> {
    const had = (await this.tokens.get()) !== undefined;
    await this.tokens.delete();
    this.log.info(had ? 'Signed out: token removed from secret storage.' : 'Sign out: no token was stored.');
    void showInfo(had ? "Signed out of Hugging Face: your token was removed from VS Code's secret storage." : 'You were not signed in to Hugging Face.');
    return had;
  }

  /**
   * The token for a run: the stored one; none for servers other than Hugging Face's
   * (a local TGI needs none); otherwise the user is offered to set one, or to use
   * HF_TOKEN from the environment. Undefined: the user declined, do not run.
   */
  async tokenForRun(): Promise<string | undefined> {
    const stored = await this.tokens.get();
    if (stored) return stored;
    if (!isHuggingFaceHost(this.settings.current.baseUrl)) return '';
    const envName = ENV_TOKENS.find((name) => process.env[name]?.trim());
    const choices = envName ? [`Use ${envName}`, 'Set Token…'] : ['Set Token…'];
    const choice = await showInfo(
      `Hugging Face needs an access token to run models.${envName ? ` ${envName} is set in your environment: use it? It will be checked with the Hub and kept in VS Code's secret storage.` : ''}`,
      ...choices,
    );
    if (!choice) return undefined;
    const name = choice === 'Set Token…' ? await this.setToken() : await this.checkAndStore(process.env[envName ?? '']?.trim() ?? '', envName ?? 'the token');
    return name ? this.tokens.get() : undefined;
  }

  private async checkAndStore(token: string, what: string): Promise<string | undefined> {
    const { hubUrl } = this.settings.current;
    const problem = urlProblem(hubUrl, 'huggingface.hubUrl', true);
    if (problem) {
      void showError(`${problem} Nothing was stored.`, 'Open Settings').then((c) => c && openSettings('huggingface.hubUrl'));
      return undefined;
    }
    let user: HubUser;
    try {
      user = await withNotificationProgress({ title: `Checking ${what} with the Hugging Face Hub…`, cancellable: true },
        (_progress, cancel) => {
          const controller = new AbortController();
          cancel.onCancellationRequested(() => controller.abort());
          return this.hub.whoami(token, controller.signal);
        },
      );
    } catch (e) {
      this.reportCheckFailure(e, token);
      return undefined;
    }
    await this.tokens.store(token, user.name);
    this.log.info(`Signed in as ${user.name}${user.tokenName ? ` (token "${user.tokenName}", ${user.tokenRole ?? 'unknown role'})` : ''}.`);
    void showInfo(`Signed in to Hugging Face as ${user.name}${user.tokenName ? ` with the token "${user.tokenName}"` : ''}.`);
    return user.name;
  }

  private reportCheckFailure(e: unknown, token: string): void {
    const { kind, status, message } = e as { kind?: string; status?: number; message?: string };
    if (kind === 'cancelled') return;
    this.log.warn(`Token check failed: ${message ?? String(e)}`);
    if (status === 401) {
      void showError(`${message} Nothing was stored.`, 'Try Again', 'Create a Token')
        .then((c) => {
          if (c === 'Try Again') void this.setToken();
          else if (c) void vscode.env.openExternal(vscode.Uri.parse('https://huggingface.co/settings/tokens'));
        });
      return;
    }
    // The Hub may be unreachable from here (a firewall, a private endpoint): the user may still keep the token.
    void showError(`Could not check the token: ${message ?? String(e)} Nothing was stored.`, 'Store Without Checking', 'Open Settings', 'Show Log').then(async (c) => {
      if (c === 'Store Without Checking') {
        await this.tokens.store(token, '');
        this.log.info('Token stored without a check.');
      } else if (c === 'Open Settings') void openSettings('huggingface.hubUrl');
      else if (c === 'Show Log') this.log.show();
    });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}
