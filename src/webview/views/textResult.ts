// Summarization and translation: the result text, with the source it came from.
import { h } from '../dom';
import { isObj, str, type ViewContext } from './types';

export function textResultView({ task, input, output }: ViewContext): HTMLElement {
  const key = task.id === 'TASK_SUMMARIZATION' ? 'summary_text' : 'translation_text';
  const source = str(input.inputs);
  return h(
    'div',
    { class: 'text-result' },
    h('p', { class: 'result-text output-text' }, str(isObj(output) ? output[key] : undefined)),
    source ? h('details', { class: 'source-text' }, h('summary', {}, 'Source text'), h('p', { class: 'output-text muted' }, source)) : null,
  );
}
