// The Hub calls the extension makes (token check, model search), against the Hub URL
// from the user's settings, through the shared dispatcher.
import type { HubUser, ModelHit, SearchQuery } from '../http';
import type { Network } from './network';
import type { SettingsWatcher } from './settings';

export class HubClient {
  constructor(
    private readonly network: Network,
    private readonly settings: SettingsWatcher,
  ) {}

  get hubUrl(): string {
    return this.settings.current.hubUrl;
  }

  async whoami(token: string, signal?: AbortSignal): Promise<HubUser> {
    const http = await import('../http');
    return http.whoami(this.hubUrl, token, { signal, dispatcher: await this.network.dispatcher(), headers: this.network.headers, timeoutMs: 20_000 });
  }

  /** The token, when given, lets the search include the user's private models. */
  async searchModels(query: SearchQuery, token: string | undefined, signal?: AbortSignal): Promise<ModelHit[]> {
    const http = await import('../http');
    return http.searchModels(this.hubUrl, query, { token, signal, dispatcher: await this.network.dispatcher(), headers: this.network.headers, timeoutMs: 20_000 });
  }
}
