// Question answering: the answer with its score, and highlighted where it
// stands in the context.
import { answerSpan } from '../../shared/spans';
import { h } from '../dom';
import { score } from '../format';
import { isObj, num, str, type ViewContext } from './types';

export function answerView({ input, output }: ViewContext): HTMLElement {
  const o = isObj(output) ? output : {};
  const inputs = isObj(input.inputs) ? input.inputs : {};
  const context = str(inputs.context);
  const answer = str(o.answer);
  const span = answerSpan(context, o);
  const contextBlock = span
    ? h('p', { class: 'qa-context output-text' }, context.slice(0, span.start), h('mark', { class: 'qa-answer', attrs: { title: `score ${score(num(o.score))}` } }, context.slice(span.start, span.end)), context.slice(span.end))
    : h('p', { class: 'qa-context output-text' }, context);
  return h(
    'div',
    { class: 'answer-view' },
    h('p', { class: 'qa-question muted' }, str(inputs.question)),
    h('div', { class: 'answer-head' }, h('span', { class: 'answer-text output-text' }, answer || '(no answer)'), num(o.score) !== undefined ? h('span', { class: 'chip score-chip' }, `score ${score(num(o.score))}`) : null),
    context && !span && answer ? h('p', { class: 'muted' }, 'The answer does not appear in the context as given.') : null,
    context ? contextBlock : null,
  );
}
