// The card around every result: how long the call took and which model answered,
// a JSON toggle, Copy, Insert into editor where the result is text, and New chat
// for conversations.
import { outputText } from '../../shared/outputText';
import type { TaskInfo } from '../../shared/protocol';
import { button, h } from '../dom';
import { duration } from '../format';
import type { ResultView } from './types';

export interface FrameActions {
  copy(text: string): void;
  insert(text: string): void;
  toggleJson(show: boolean): void;
  newChat(): void;
}

export interface FrameOptions {
  task: TaskInfo;
  model: string;
  output: unknown;
  durationMs?: number;
  streaming: boolean;
  showJson: boolean;
  view: ResultView;
  actions: FrameActions;
}

export function resultFrame(o: FrameOptions): HTMLElement {
  const text = o.streaming ? undefined : outputText(o.task.id, o.output);
  const json = o.streaming ? '' : JSON.stringify(o.output, null, 2);
  const jsonView = h('pre', { class: 'json output-text', attrs: { tabindex: '0', 'aria-label': 'Result as JSON' } }, json ?? '');
  const body = h('div', { class: 'result-body' });
  const show = (asJson: boolean) => {
    body.replaceChildren(asJson ? jsonView : o.view.element);
    jsonToggle.setAttribute('aria-pressed', String(asJson));
  };
  const jsonToggle = button({
    label: 'JSON',
    icon: 'json',
    class: 'secondary json-toggle',
    title: 'Show the result as JSON',
    onClick: () => {
      const next = jsonToggle.getAttribute('aria-pressed') !== 'true';
      show(next);
      o.actions.toggleJson(next);
    },
  });
  jsonToggle.disabled = o.streaming;
  const tools = h(
    'div',
    { class: 'result-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Result' } },
    h('span', { class: 'chip model-chip', attrs: { title: 'Model' } }, o.model),
    o.durationMs !== undefined ? h('span', { class: 'chip duration', attrs: { title: 'How long the call took' } }, duration(o.durationMs)) : null,
    o.streaming ? h('span', { class: 'chip streaming-chip' }, 'streaming…') : null,
    h('span', { class: 'spacer' }),
    o.task.id === 'TASK_CONVERSATIONAL' ? button({ label: 'New chat', icon: 'add', class: 'secondary new-chat', onClick: () => o.actions.newChat() }) : null,
    jsonToggle,
    o.streaming ? null : button({ label: 'Copy', icon: 'copy', class: 'secondary copy', title: text !== undefined ? 'Copy the text' : 'Copy the JSON', onClick: () => o.actions.copy(text ?? json) }),
    text !== undefined ? button({ label: 'Insert into editor', icon: 'insert', class: 'secondary insert', onClick: () => o.actions.insert(text) }) : null,
  );
  show(o.showJson && !o.streaming);
  return h('section', { class: 'result', attrs: { 'aria-label': 'Result' } }, tools, body);
}
