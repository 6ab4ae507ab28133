// The Hub calls the extension makes (token check, model search), against the Hub URL
// from the user's settings, through the shared dispatcher.
import { searchModels, whoami, type HubUser, type ModelHit, type SearchQuery } from './hub';
import type { Network } from './network';
import type { SettingsWatcher } from './settings';

const HUB_TIMEOUT_MS = 20_000;

export class HubClient {
  constructor(
    private readonly network: Network,
    private readonly settings: SettingsWatcher,
  ) {}

  async whoami(token: string, signal?: AbortSignal): Promise<HubUser> {
    return whoami(this.settings.current.hubUrl, token, { signal, dispatcher: await this.network.dispatcher(), headers: this.network.headers, timeoutMs: HUB_TIMEOUT_MS });
  }

  /** The token, when given, lets the search include the user's private models. */
  async searchModels(query: SearchQuery, token: string | undefined, signal?: AbortSignal): Promise<ModelHit[]> {
    return searchModels(this.settings.current.hubUrl, query, { token, signal, dispatcher: await this.network.dispatcher(), headers: this.network.headers, timeoutMs: HUB_TIMEOUT_MS });
  }
}
