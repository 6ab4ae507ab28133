// The webview's end of the protocol: typed requests answered by id, runs whose
// status/delta/result/error messages are routed to the run's handlers.
import type { HostToWebview, PanelInput, Prefill, RequestType, Requests, Responses, TaskInfo, WebviewToHost } from '../shared/protocol';
import type { JsonObject } from '../executor';
import type { VsCodeApi } from './vscodeApi';

export interface RunHandlers {
  status(message: string, waitMs?: number): void;
  delta(text: string): void;
  result(output: unknown, durationMs: number): void;
  error(message: string, cancelled: boolean, field?: string): void;
}

export interface Init {
  task: TaskInfo;
  schema: JsonObject;
  prefill?: Prefill;
}

export class Host {
  // Ids only need to be unique within this webview's life.
  private nextId = 1;
  private readonly pending = new Map<number, (body: unknown) => void>();
  private readonly runs = new Map<number, RunHandlers>();
  private onInit: ((init: Init) => void) | undefined;
  private onShow: ((prefill: Prefill) => void) | undefined;

  constructor(private readonly api: VsCodeApi<unknown>) {
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
  }

  start(handlers: { init(init: Init): void; show(prefill: Prefill): void }): void {
    this.onInit = handlers.init;
    this.onShow = handlers.show;
    this.post({ type: 'ready' });
  }

  private post(message: WebviewToHost): void {
    this.api.postMessage(message);
  }

  request<K extends RequestType>(type: K, params: Requests[K]): Promise<Responses[K]> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (body: unknown) => void);
      this.post({ type, id, ...params } as WebviewToHost);
    });
  }

  run(input: PanelInput, handlers: RunHandlers): number {
    const id = this.nextId++;
    this.runs.set(id, handlers);
    this.post({ type: 'run', id, input });
    return id;
  }

  cancel(id: number): void {
    this.post({ type: 'cancel', id });
  }

  private receive(data: unknown): void {
    if (!data || typeof data !== 'object' || typeof (data as { type?: unknown }).type !== 'string') return;
    const m = data as HostToWebview;
    switch (m.type) {
      case 'init':
        this.onInit?.({ task: m.task, schema: m.schema, prefill: m.prefill });
        return;
      case 'show':
        this.onShow?.(m.prefill);
        return;
      case 'response': {
        const resolve = this.pending.get(m.id);
        this.pending.delete(m.id);
        resolve?.(m.body);
        return;
      }
      case 'status':
        this.runs.get(m.id)?.status(m.message, m.waitMs);
        return;
      case 'delta':
        this.runs.get(m.id)?.delta(m.text);
        return;
      case 'result':
        this.runs.get(m.id)?.result(m.output, m.durationMs);
        this.runs.delete(m.id);
        return;
      case 'runError':
        this.runs.get(m.id)?.error(m.message, m.cancelled, m.field);
        this.runs.delete(m.id);
        return;
    }
  }
}
