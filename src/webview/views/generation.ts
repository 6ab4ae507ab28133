// Text generation: the prompt, then the continuation in another colour, growing
// as it streams.
import { h, setText } from '../dom';
import { isObj, str, type ResultView, type ViewContext } from './types';

/** The part of a generated text after the prompt (servers may or may not repeat the prompt). */
function continuationOf(prompt: string, generated: string): string {
  return prompt && generated.startsWith(prompt) ? generated.slice(prompt.length) : generated;
}

export function generationView({ input, output }: ViewContext): ResultView {
  const prompt = str(input.inputs);
  const continuation = h('span', { class: 'continuation' });
  let streamed = '';
  if (output !== undefined) setText(continuation, continuationOf(prompt, str(isObj(output) ? output.generated_text : undefined)));
  const element = h('div', { class: 'generation output-text', attrs: { 'aria-live': 'polite' } }, h('span', { class: 'prompt' }, prompt), continuation);
  return {
    element,
    append(text) {
      streamed += text;
      setText(continuation, streamed);
    },
  };
}
