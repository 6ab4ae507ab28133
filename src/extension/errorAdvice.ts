// What to tell the user about a failed run, and which actions to offer with it
// (pure: the actions are names that errorActions.ts turns into buttons).

export type ErrorAction =
  | { kind: 'setToken' }
  | { kind: 'openSettings'; query: string }
  | { kind: 'openUrl'; label: string; url: string }
  | { kind: 'showLog' };

export interface Advice {
  message: string;
  actions: ErrorAction[];
}

/** The parts of a ComponentError this module reads. */
export interface FailedRun {
  code: string;
  message: string;
  status?: number;
}

export interface RunContext {
  taskTitle: string;
  model: string;
  /** The task's availability on hf-inference: `endpoint` means it needs a dedicated endpoint. */
  availability: 'served' | 'chat' | 'endpoint';
  isCustomEndpoint: boolean;
}

const TOKEN_PAGE = 'https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained';
const BILLING_PAGE = 'https://huggingface.co/settings/billing';
const SHOW_LOG: ErrorAction = { kind: 'showLog' };

export function endpointOnlyNote(taskTitle: string): string {
  return `Hugging Face's hf-inference no longer serves ${taskTitle}: deploy the model on an Inference Endpoint (or your own server), set huggingface.baseUrl to its URL and turn on huggingface.isCustomEndpoint.`;
}

export function adviseOnError(error: FailedRun, run: RunContext): Advice {
  const prefix = `${run.taskTitle} with ${run.model} failed: `;
  const endpointOnly = run.availability === 'endpoint' && !run.isCustomEndpoint;
  switch (error.code) {
    case 'HTTP':
      return adviseOnStatus(error, run, prefix, endpointOnly);
    case 'NETWORK':
      return { message: prefix + error.message, actions: [{ kind: 'openSettings', query: networkSetting(error.message) }, SHOW_LOG] };
    case 'TIMEOUT':
      return { message: prefix + error.message, actions: [{ kind: 'openSettings', query: 'huggingface.requestTimeoutSeconds' }, SHOW_LOG] };
    case 'INVALID_RESPONSE':
      return { message: prefix + error.message, actions: [SHOW_LOG] };
    default:
      return { message: prefix + error.message, actions: [SHOW_LOG] };
  }
}

/** The setting most likely to fix a network failure: the CA file for certificate problems, else the URL. */
function networkSetting(message: string): string {
  return /certificate/i.test(message) ? 'huggingface.caCertificateFile' : 'huggingface.baseUrl';
}

function adviseOnStatus(error: FailedRun, run: RunContext, prefix: string, endpointOnly: boolean): Advice {
  switch (error.status) {
    case 401:
      return { message: prefix + error.message, actions: [{ kind: 'setToken' }, SHOW_LOG] };
    case 403:
      return { message: prefix + error.message, actions: [{ kind: 'setToken' }, { kind: 'openUrl', label: 'Create a Token', url: TOKEN_PAGE }, SHOW_LOG] };
    case 402:
      return { message: prefix + error.message, actions: [{ kind: 'openUrl', label: 'Open Billing', url: BILLING_PAGE }, SHOW_LOG] };
    case 404:
    case 400:
      if (endpointOnly) return { message: `${prefix}${error.message} ${endpointOnlyNote(run.taskTitle)}`, actions: [{ kind: 'openSettings', query: 'huggingface.isCustomEndpoint' }, SHOW_LOG] };
      return error.status === 404
        ? { message: `${prefix}${error.message} Check the model id, or whether this provider serves it for ${run.taskTitle}.`, actions: [{ kind: 'openSettings', query: 'huggingface.defaultModels' }, SHOW_LOG] }
        : { message: prefix + error.message, actions: [SHOW_LOG] };
    case 410:
      return { message: prefix + error.message, actions: [{ kind: 'openSettings', query: 'huggingface.baseUrl' }, SHOW_LOG] };
    case 429:
    case 503:
      return { message: prefix + error.message, actions: [{ kind: 'openSettings', query: 'huggingface.maxWaitSeconds' }, SHOW_LOG] };
    default:
      return { message: prefix + error.message, actions: [SHOW_LOG] };
  }
}
