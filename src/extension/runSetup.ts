// The setup and request options every run shares, from the settings, the token and
// the network: the commands' runs and the exported API's alike.
import type { ExecuteOptions, Setup, Status } from '../executor';
import type { Network } from './network';
import type { Settings } from './settings';

export function taskSetup(s: Settings, token: string): Setup {
  return { api_key: token, base_url: s.baseUrl, is_custom_endpoint: s.isCustomEndpoint };
}

export async function requestOptions(s: Settings, network: Network, signal?: AbortSignal, onStatus?: (status: Status) => void): Promise<ExecuteOptions> {
  return {
    ...(signal ? { signal } : {}),
    ...(onStatus ? { onStatus } : {}),
    timeoutMs: s.requestTimeoutMs,
    maxWaitMs: s.maxWaitMs,
    dispatcher: await network.dispatcher(),
    headers: { ...network.headers },
  };
}
