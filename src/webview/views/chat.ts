// Conversational: the conversation as bubbles (you on the right, the model on
// the left), the reply streaming in, Markdown rendered through the safe reader.
import { parseMarkdown } from '../../shared/markdown';
import { h } from '../dom';
import { renderMarkdown } from './markdownDom';
import { isObj, list, str, type ResultView, type ViewContext } from './types';

interface Turn {
  user: string;
  reply?: string;
}

/** The turns of the conversation a run belongs to, its own included. */
function turns(input: ViewContext['input'], output: unknown): Turn[] {
  const conversation = isObj(output) && isObj(output.conversation) ? output.conversation : undefined;
  const inputs = isObj(input.inputs) ? input.inputs : {};
  const users = (conversation ? list(conversation.past_user_inputs) : [...list(inputs.past_user_inputs), str(inputs.text)]).map(str);
  const replies = (conversation ? list(conversation.generated_responses) : list(inputs.generated_responses)).map(str);
  if (!conversation && isObj(output)) replies.push(str(output.generated_text));
  return users.map((user, i) => ({ user, reply: replies[i] }));
}

function userBubble(text: string): HTMLElement {
  return h('div', { class: 'bubble user output-text', attrs: { role: 'article', 'aria-label': 'You' } }, text);
}

function replyBubble(text: string): HTMLElement {
  const bubble = h('div', { class: 'bubble assistant', attrs: { role: 'article', 'aria-label': 'Model' } });
  renderMarkdown(bubble, parseMarkdown(text));
  return bubble;
}

export function chatView({ input, output }: ViewContext): ResultView {
  const all = turns(input, output);
  const streaming = output === undefined;
  const log = h('div', { class: 'chat', attrs: { role: 'log', 'aria-label': 'Conversation', 'aria-live': 'polite' } });
  for (const t of all) {
    log.append(userBubble(t.user));
    if (t.reply !== undefined) log.append(replyBubble(t.reply));
  }
  if (!streaming) return { element: log };

  // The reply being streamed: re-read as Markdown at most once a frame.
  const live = h('div', { class: 'bubble assistant streaming', attrs: { role: 'article', 'aria-label': 'Model', 'aria-busy': 'true' } }, h('span', { class: 'typing muted' }, '…'));
  log.append(live);
  let text = '';
  let frame = 0;
  return {
    element: log,
    append(delta) {
      text += delta;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        renderMarkdown(live, parseMarkdown(text));
        live.scrollIntoView({ block: 'end' });
      });
    },
  };
}

export function emptyChat(): HTMLElement {
  return h('div', { class: 'chat empty-chat', attrs: { role: 'log', 'aria-label': 'Conversation' } }, h('p', { class: 'muted' }, 'Type a message and press Send (Ctrl+Enter).'));
}
