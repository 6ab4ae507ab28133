// The line under the Run button: running time, the server's waits ("model is
// loading, about 20 s") with a countdown bar, errors, and short confirmations.
import { h } from './dom';
import { duration } from './format';

export class RunStatus {
  readonly element = h('div', { class: 'run-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private timer: ReturnType<typeof setInterval> | undefined;

  running(started: number): void {
    this.stopTimer();
    const text = h('span', {}, 'Running…');
    this.element.className = 'run-status busy';
    this.element.replaceChildren(h('span', { class: 'codicon codicon-loading codicon-modifier-spin', attrs: { 'aria-hidden': 'true' } }), text);
    this.timer = setInterval(() => {
      text.textContent = `Running… ${duration(Date.now() - started)}`;
    }, 500);
  }

  /** A wait the server asked for, with its estimate counting down. */
  waiting(message: string, waitMs?: number): void {
    this.stopTimer();
    this.element.className = 'run-status busy waiting';
    const bar = h('progress', { class: 'wait-bar', attrs: { max: '1', value: '0', 'aria-label': 'Waiting' } });
    this.element.replaceChildren(h('span', { class: 'codicon codicon-watch', attrs: { 'aria-hidden': 'true' } }), h('span', { class: 'wait-message' }, message));
    if (waitMs) this.element.append(bar);
    if (!waitMs) return;
    const until = Date.now() + waitMs;
    this.timer = setInterval(() => {
      bar.value = Math.min(1, 1 - (until - Date.now()) / waitMs);
    }, 250);
  }

  done(message: string): void {
    this.show('run-status done', message);
  }

  error(message: string): void {
    this.show('run-status error', message, 'alert');
  }

  note(message: string): void {
    this.show('run-status', message);
  }

  private show(className: string, message: string, role = 'status'): void {
    this.stopTimer();
    this.element.className = className;
    this.element.setAttribute('role', role);
    this.element.replaceChildren(h('span', { class: 'status-text' }, message));
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.element.setAttribute('role', 'status');
  }
}
