// The panel: the form, Run/Cancel, the result card and the history, kept in the
// panel's saved state. The host does everything that leaves the webview.
import type { Conversation } from '../executor';
import type { PanelInput, Prefill, TaskInfo } from '../shared/protocol';
import { button, h } from './dom';
import { duration } from './format';
import { TaskForm } from './form/taskForm';
import { historyList } from './history';
import type { Host, Init } from './host';
import { RunStatus } from './runStatus';
import type { PanelState, RunRecord } from '../shared/panelState';
import { Store } from './state';
import { emptyChat } from './views/chat';
import { resultFrame } from './views/frame';
import { renderView } from './views/index';
import type { ResultView } from './views/types';
import type { VsCodeApi } from './vscodeApi';

const VALIDATE_DELAY_MS = 250;

const AVAILABILITY: Record<string, string> = {
  served: '',
  chat: 'Runs on chat models.',
  endpoint: "Hugging Face's hf-inference no longer serves this task: set huggingface.baseUrl to an Inference Endpoint or your own server.",
};

export class App {
  private task!: TaskInfo;
  private store!: Store;
  private form!: TaskForm;
  private readonly status = new RunStatus();
  private readonly resultArea = h('div', { class: 'result-area' });
  private readonly historyArea = h('div', { class: 'history-area' });
  private runButton!: HTMLButtonElement;
  private cancelButton!: HTMLButtonElement;
  private running: { id: number; view?: ResultView } | undefined;
  private validation = 0;
  private validateTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: Host,
    private readonly api: VsCodeApi<PanelState>,
    private readonly root: HTMLElement,
  ) {}

  start(): void {
    this.host.start({ init: (init) => this.mount(init), show: (prefill) => this.fill(prefill) });
  }

  private mount(init: Init): void {
    if (this.task) {
      // The host re-sent init (its side restarted): only a new prefill matters.
      if (init.prefill) this.fill(init.prefill);
      return;
    }
    this.task = init.task;
    this.store = new Store(this.api, init.task.id);
    this.form = new TaskForm(init.task, init.schema, {
      changed: () => this.changed(),
      selection: async () => {
        const { text, error } = await this.host.request('useSelection', {});
        if (error) this.status.error(error);
        return text;
      },
      search: (query) => this.host.request('searchModels', { query }),
      pickFile: () => this.host.request('pickFile', {}),
    });
    const chat = this.task.id === 'TASK_CONVERSATIONAL';
    this.runButton = button({ label: chat ? 'Send' : 'Run', icon: chat ? 'send' : 'play', class: 'primary run', title: `${chat ? 'Send' : 'Run'} (Ctrl+Enter)`, onClick: () => void this.run() });
    this.cancelButton = button({ label: 'Cancel', icon: 'debug-stop', class: 'secondary cancel', title: 'Cancel (Escape)', onClick: () => this.cancel() });
    this.cancelButton.disabled = true;

    const note = AVAILABILITY[this.task.availability];
    this.root.replaceChildren(
      h('header', { class: 'panel-header' }, h('h1', {}, this.task.title), h('span', { class: 'chip muted' }, this.task.pipelineTag), note ? h('p', { class: 'availability muted' }, note) : null),
      h(
        'div',
        { class: `layout${chat ? ' chat-layout' : ''}` },
        h('section', { class: 'input-pane', attrs: { 'aria-label': 'Input' } }, this.form.element, h('div', { class: 'actions' }, this.runButton, this.cancelButton, h('span', { class: 'shortcut muted' }, 'Ctrl+Enter')), this.status.element),
        h('section', { class: 'output-pane', attrs: { 'aria-label': 'Output' } }, this.resultArea, this.historyArea),
      ),
    );
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      } else if (e.key === 'Escape' && this.running) {
        e.preventDefault();
        this.cancel();
      }
    });

    const saved = this.store.value;
    this.form.set(saved.draft ?? { model: this.task.defaultModel });
    this.showCurrent();
    this.renderHistory();
    if (init.prefill) this.fill(init.prefill);
    this.validateSoon();
  }

  /** Another command's input (and result) shown in this panel. */
  private fill(prefill: Prefill): void {
    if (!this.task) return;
    this.form.set(prefill.input);
    if (prefill.output !== undefined) {
      this.store.record({ at: Date.now(), input: prefill.input, output: prefill.output, ...(prefill.durationMs !== undefined ? { durationMs: prefill.durationMs } : {}) });
      this.renderHistory();
    }
    this.store.update({ draft: prefill.input });
    this.showCurrent();
    this.validateSoon();
  }

  private changed(): void {
    // An answer to a validation sent before this edit no longer applies.
    this.validation++;
    this.store.update({ draft: this.form.value() });
    this.validateSoon();
  }

  private validateSoon(): void {
    clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(async () => {
      const mine = ++this.validation;
      const { problems } = await this.host.request('validate', { input: this.inputForRun() });
      if (mine === this.validation) this.form.showProblems(problems);
    }, VALIDATE_DELAY_MS);
  }

  /** The conversation the next message continues (the shown result's). */
  private conversation(): Conversation | undefined {
    const out = this.store.value.current?.output as { conversation?: Conversation } | undefined;
    return this.task.id === 'TASK_CONVERSATIONAL' ? out?.conversation : undefined;
  }

  private inputForRun(): PanelInput {
    const input = this.form.value();
    const conversation = this.conversation();
    if (conversation && input.inputs && typeof input.inputs === 'object') {
      input.inputs = { ...(input.inputs as object), past_user_inputs: conversation.past_user_inputs, generated_responses: conversation.generated_responses };
    }
    return input;
  }

  private async run(): Promise<void> {
    if (this.running || !this.task) return;
    const input = this.inputForRun();
    this.validation++;
    const { problems } = await this.host.request('validate', { input });
    if (problems.length) {
      this.form.showProblems(problems, true);
      this.form.focusFirstProblem();
      this.status.error(problems.length === 1 ? problems[0].message : `${problems.length} fields need attention.`);
      return;
    }
    const started = Date.now();
    this.setRunning(true);
    this.status.running(started);
    const view = this.task.streams ? renderView({ task: this.task, input, output: undefined }) : undefined;
    if (view) this.resultArea.replaceChildren(this.frame(input, undefined, undefined, view, true));
    let streamed = false;
    const id = this.host.run(input, {
      status: (message, waitMs) => this.status.waiting(message, waitMs),
      delta: (text) => {
        streamed = true;
        view?.append?.(text);
      },
      result: (output, durationMs) => {
        this.finish();
        this.store.record({ at: Date.now(), input, output, durationMs });
        this.showCurrent();
        this.renderHistory();
        this.form.resetTouched();
        if (this.task.id === 'TASK_CONVERSATIONAL') {
          this.form.setField('/inputs/text', '');
          this.changed();
        }
        this.status.done(`Done in ${duration(durationMs)}.`);
      },
      error: (message, cancelled, field) => {
        this.finish();
        if (field) {
          this.form.showProblems([{ field, message }], true);
          this.form.focusFirstProblem();
        }
        if (cancelled) this.status.note('Cancelled.');
        else this.status.error(message);
        // A stream that stopped part-way keeps what arrived; anything else shows the last result again.
        const chip = streamed ? this.resultArea.querySelector('.streaming-chip') : null;
        if (chip) chip.textContent = cancelled ? 'cancelled' : 'stopped';
        else this.showCurrent();
      },
    });
    this.running = { id, view };
  }

  private cancel(): void {
    if (!this.running) return;
    this.host.cancel(this.running.id);
    this.status.note('Cancelling…');
  }

  private finish(): void {
    this.running = undefined;
    this.setRunning(false);
  }

  private setRunning(on: boolean): void {
    this.runButton.disabled = on;
    this.cancelButton.disabled = !on;
    this.root.classList.toggle('is-running', on);
  }

  private frame(input: PanelInput, output: unknown, durationMs: number | undefined, view: ResultView, streaming: boolean): HTMLElement {
    return resultFrame({
      task: this.task,
      model: input.model,
      output,
      durationMs,
      streaming,
      showJson: this.store.value.showJson,
      view,
      actions: {
        copy: async (text) => {
          const r = await this.host.request('copy', { text });
          if (r.ok) this.status.note('Copied to the clipboard.');
          else this.status.error(r.message ?? 'Could not copy.');
        },
        insert: async (text) => {
          const r = await this.host.request('insert', { text });
          if (r.ok) this.status.note(r.message ?? 'Inserted.');
          else this.status.error(r.message ?? 'Could not insert.');
        },
        toggleJson: (showJson) => this.store.update({ showJson }),
        newChat: () => this.newChat(),
      },
    });
  }

  private showCurrent(): void {
    const current = this.store.value.current;
    if (!current) {
      this.resultArea.replaceChildren(this.task.id === 'TASK_CONVERSATIONAL' ? emptyChat() : h('p', { class: 'muted placeholder' }, 'Results appear here.'));
      return;
    }
    const view = renderView({ task: this.task, input: current.input, output: current.output });
    this.resultArea.replaceChildren(this.frame(current.input, current.output, current.durationMs, view, false));
  }

  private newChat(): void {
    this.store.update({ current: undefined });
    this.store.flush();
    this.showCurrent();
    this.validateSoon();
    this.form.setField('/inputs/text', '');
  }

  private reopen(record: RunRecord): void {
    if (this.running) return;
    this.form.set(record.input);
    // A conversation reopened is continued from there: the message box starts empty.
    if (this.task.id === 'TASK_CONVERSATIONAL') this.form.setField('/inputs/text', '');
    this.store.update({ current: record, draft: this.form.value() });
    this.showCurrent();
    this.validateSoon();
    this.status.note('Showing an earlier run.');
  }

  private renderHistory(): void {
    const wasOpen = this.historyArea.querySelector('details')?.open ?? false;
    const list = historyList(this.store.value.history, (r) => this.reopen(r));
    list.open = wasOpen;
    this.historyArea.replaceChildren(list);
  }
}
