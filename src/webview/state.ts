// The panel's state in memory, saved (debounced) through VS Code's setState as
// `persisted` trims it; read back when the panel is restored.
import { HISTORY_SIZE, persisted, type PanelState, type RunRecord } from '../shared/panelState';
import type { TaskId } from '../shared/protocol';
import type { VsCodeApi } from './vscodeApi';

const SAVE_DELAY_MS = 300;

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
    this.api.setState(persisted(this.state));
  }
}
