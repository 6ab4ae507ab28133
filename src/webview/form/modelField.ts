// The model field: free text with the Hub's models for the task as you type
// (an ARIA combobox: arrows move, Enter picks, Escape closes).
import type { ModelHit } from '../../shared/protocol';
import { h, uniqueId, setText } from '../dom';
import type { Field, FieldContext } from './fields';

const SEARCH_DELAY_MS = 250;

const downloads = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${Math.round(n / 1e3)}k` : String(n));

export interface ModelSearch {
  (query: string): Promise<{ models: ModelHit[]; error?: string }>;
}

export function modelField(ctx: FieldContext, defaultModel: string, search: ModelSearch): Field {
  const listId = uniqueId('models');
  const problemId = uniqueId('model-problem');
  const input = h('input', {
    class: 'input model-input',
    attrs: {
      type: 'text',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'aria-describedby': problemId,
      'aria-required': 'true',
      spellcheck: 'false',
      autocomplete: 'off',
      placeholder: defaultModel,
      id: uniqueId('model'),
    },
  });
  const list = h('ul', { class: 'model-list', attrs: { id: listId, role: 'listbox', 'aria-label': 'Models on the Hub' } });
  list.hidden = true;
  const note = h('div', { class: 'model-note', attrs: { 'aria-live': 'polite' } });
  const problem = h('div', { class: 'field-problem', attrs: { id: problemId, 'aria-live': 'polite' } });
  const element = h(
    'div',
    { class: 'field model-field', attrs: { 'data-pointer': '/model' } },
    h('div', { class: 'field-head' }, h('label', { class: 'field-label', attrs: { for: input.id } }, 'Model', h('span', { class: 'required', attrs: { 'aria-hidden': 'true' } }, ' *'))),
    h('div', { class: 'combo' }, input, list),
    note,
    problem,
  );

  let hits: ModelHit[] = [];
  let active = -1;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.id;
    close();
    ctx.changed();
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const li = list.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) =>
        h(
          'li',
          {
            class: 'model-option',
            attrs: { role: 'option', id: `${listId}-${i}`, 'aria-selected': 'false' },
            on: {
              mousedown: (e) => e.preventDefault(),
              click: () => choose(i),
            },
          },
          h('span', { class: 'model-id' }, hit.id),
          hit.served === false ? h('span', { class: 'badge warn' }, 'not served') : null,
          typeof hit.downloads === 'number' ? h('span', { class: 'model-downloads', attrs: { title: `${hit.downloads} downloads` } }, `↓ ${downloads(hit.downloads)}`) : null,
        ),
      ),
    );
    list.hidden = hits.length === 0 || document.activeElement !== input;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const runSearch = async () => {
    const mine = ++sequence;
    const { models, error } = await search(input.value.trim());
    if (mine !== sequence) return; // a newer search is under way
    hits = models;
    setText(note, error ?? '');
    render();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void runSearch(), SEARCH_DELAY_MS);
  };

  input.addEventListener('input', () => {
    ctx.changed();
    schedule();
  });
  input.addEventListener('focus', schedule);
  input.addEventListener('blur', () => {
    close();
    ctx.touched('/model');
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        void runSearch();
      }
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = hits.length;
      highlight(((active + (e.key === 'ArrowDown' ? 1 : -1)) % n + n) % n);
    } else if (e.key === 'Enter' && active >= 0 && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });

  return {
    pointer: '/model',
    element,
    get: () => input.value.trim(),
    set: (v) => {
      input.value = typeof v === 'string' ? v : '';
    },
    setProblem: (message) => {
      setText(problem, message ?? '');
      element.classList.toggle('invalid', !!message);
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
    },
    focus: () => input.focus(),
  };
}
