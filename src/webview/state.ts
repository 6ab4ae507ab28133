// What a panel remembers across reloads (VS Code keeps it with getState/setState):
// its task (the serializer reads it), the form's draft, the result on show, the
// last runs, and the JSON toggle. Media are dropped from old runs when the state
// grows too large.
import type { PanelInput, TaskId } from '../shared/protocol';
import type { VsCodeApi } from './vscodeApi';

export interface RunRecord {
  at: number;
  input: PanelInput;
  output: unknown;
  durationMs?: number;
}

export interface PanelState {
  v: 1;
  task: TaskId;
  draft?: PanelInput;
  current?: RunRecord;
  history: RunRecord[];
  showJson: boolean;
}

export const HISTORY_SIZE = 10;
/** Above this many characters, media of older runs are let go. */
const STATE_BUDGET = 12_000_000;
const SAVE_DELAY_MS = 300;

function withoutMedia(record: RunRecord): RunRecord {
  if (!record.input.media?.base64) return record;
  return { ...record, input: { ...record.input, media: { ...record.input.media, base64: '' } } };
}

export class Store {
  private state: PanelState;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: VsCodeApi<PanelState>,
    task: TaskId,
  ) {
    const saved = api.getState();
    this.state = saved && saved.v === 1 && saved.task === task ? { ...saved, history: Array.isArray(saved.history) ? saved.history : [] } : { v: 1, task, history: [], showJson: false };
    this.flush();
  }

  get value(): Readonly<PanelState> {
    return this.state;
  }

  update(change: Partial<Omit<PanelState, 'v' | 'task'>>): void {
    this.state = { ...this.state, ...change };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  /** Records a finished run: it becomes the current result and the newest history entry. */
  record(run: RunRecord): void {
    this.update({ current: run, history: [run, ...this.state.history].slice(0, HISTORY_SIZE) });
    this.flush();
  }

  flush(): void {
    clearTimeout(this.timer);
    let state = this.state;
    if (JSON.stringify(state).length > STATE_BUDGET) {
      // Keep the current run's media; older runs keep their inputs and outputs only.
      state = { ...state, history: state.history.map((r) => (r === state.current ? r : withoutMedia(r))) };
      if (JSON.stringify(state).length > STATE_BUDGET && state.draft) state = { ...state, draft: { ...state.draft, media: undefined } };
      this.state = state;
    }
    this.api.setState(state);
  }
}
