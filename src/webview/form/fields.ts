// The form's field widgets, one per kind of schema property: text, long text,
// numbers with their bounds, tri-state toggles, enum selects, label lists and
// one-per-line lists. Each reports changes, knows its JSON pointer, and shows
// the executor's message for it.
import type { JsonObject } from '../../executor';
import { button, h, uniqueId, setText } from '../dom';
import { fieldLabel } from '../format';

export interface Field {
  /** Where the value sits in the task input, e.g. `/parameters/top_k`. */
  pointer: string;
  element: HTMLElement;
  /** The value to send; undefined leaves the field out. */
  get(): unknown;
  set(value: unknown): void;
  setProblem(message: string | undefined): void;
  focus(): void;
}

export interface FieldContext {
  /** A value changed (validation is re-run). */
  changed(): void;
  /** The user left a field: its problem may now be shown. */
  touched(pointer: string): void;
  /** The active editor's selected text, or undefined (the host shows why). */
  selection(): Promise<string | undefined>;
}

export interface FieldSpec {
  key: string;
  pointer: string;
  schema: JsonObject;
  required: boolean;
  label?: string;
}

interface Shell {
  element: HTMLElement;
  setProblem(message: string | undefined): void;
}

/**
 * Label, help text and problem line around a control, wired for screen readers.
 * `display` is what is shown when the focusable control sits inside a larger widget.
 */
function shell(spec: FieldSpec, control: HTMLElement, extra: HTMLElement[] = [], display: HTMLElement = control): Shell {
  const id = uniqueId('field');
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  control.id = control.id || id;
  // The spec's descriptions that only repeat the title ("String input") say nothing.
  const described = typeof spec.schema.description === 'string' ? spec.schema.description : '';
  const description = described.toLowerCase() === String(spec.schema.title ?? '').toLowerCase() ? '' : described;
  const labelText = spec.label ?? (typeof spec.schema.title === 'string' && spec.key !== 'inputs' ? spec.schema.title : fieldLabel(spec.key));
  const label = h('label', { class: 'field-label', attrs: { for: control.id } }, labelText, spec.required ? h('span', { class: 'required', attrs: { 'aria-hidden': 'true' } }, ' *') : null);
  const problem = h('div', { class: 'field-problem', attrs: { id: problemId, 'aria-live': 'polite' } });
  const describedBy = [description ? helpId : '', problemId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  if (spec.required) control.setAttribute('aria-required', 'true');
  const element = h(
    'div',
    { class: 'field', attrs: { 'data-pointer': spec.pointer } },
    h('div', { class: 'field-head' }, label, ...extra),
    display,
    description ? h('div', { class: 'field-help', attrs: { id: helpId } }, description) : null,
    problem,
  );
  return {
    element,
    setProblem(message) {
      setText(problem, message ?? '');
      element.classList.toggle('invalid', !!message);
      control.setAttribute('aria-invalid', message ? 'true' : 'false');
    },
  };
}

function listen(el: HTMLElement, spec: FieldSpec, ctx: FieldContext): void {
  el.addEventListener('input', () => ctx.changed());
  el.addEventListener('change', () => ctx.changed());
  el.addEventListener('blur', () => ctx.touched(spec.pointer));
}

/** Long text (the task's inputs), with "Use selection" to take the editor's selected text. */
export function textArea(spec: FieldSpec, ctx: FieldContext, rows = 5): Field {
  const area = h('textarea', { class: 'textarea', attrs: { rows: String(rows), spellcheck: 'false' } });
  const useSelection = button({
    label: `Use the editor's selection as ${spec.label ?? fieldLabel(spec.key)}`,
    icon: 'selection',
    iconOnly: true,
    class: 'use-selection',
    onClick: async () => {
      const text = await ctx.selection();
      if (text === undefined) return;
      area.value = text;
      ctx.changed();
      ctx.touched(spec.pointer);
    },
  });
  const s = shell(spec, area, [useSelection]);
  listen(area, spec, ctx);
  return {
    pointer: spec.pointer,
    element: s.element,
    get: () => (area.value === '' && !spec.required ? undefined : area.value),
    set: (v) => {
      area.value = typeof v === 'string' ? v : '';
    },
    setProblem: s.setProblem,
    focus: () => area.focus(),
  };
}

export function textInput(spec: FieldSpec, ctx: FieldContext): Field {
  const input = h('input', { class: 'input', attrs: { type: 'text', spellcheck: 'false' } });
  const s = shell(spec, input);
  listen(input, spec, ctx);
  return {
    pointer: spec.pointer,
    element: s.element,
    get: () => (input.value === '' && !spec.required ? undefined : input.value),
    set: (v) => {
      input.value = typeof v === 'string' ? v : '';
    },
    setProblem: s.setProblem,
    focus: () => input.focus(),
  };
}

/** Integer or number with the schema's bounds; text that is not a number is sent as is, for the executor to name. */
export function numberInput(spec: FieldSpec, ctx: FieldContext): Field {
  const integer = spec.schema.type === 'integer';
  const attrs: Record<string, string> = { type: 'text', inputmode: integer ? 'numeric' : 'decimal', spellcheck: 'false' };
  const { minimum, maximum } = spec.schema;
  const bounds = [typeof minimum === 'number' ? `≥ ${minimum}` : '', typeof maximum === 'number' ? `≤ ${maximum}` : ''].filter(Boolean).join(', ');
  attrs.placeholder = `${integer ? 'integer' : 'number'}${bounds ? ` ${bounds}` : ''}`;
  const input = h('input', { class: 'input number', attrs });
  const s = shell(spec, input);
  listen(input, spec, ctx);
  // Arrow keys step like a number field, within the bounds.
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const current = Number(input.value || (typeof minimum === 'number' ? minimum : 0));
    if (!Number.isFinite(current)) return;
    e.preventDefault();
    const step = integer ? 1 : 0.1;
    let next = Math.round((current + (e.key === 'ArrowUp' ? step : -step)) * 1000) / 1000;
    if (typeof minimum === 'number') next = Math.max(minimum, next);
    if (typeof maximum === 'number') next = Math.min(maximum, next);
    input.value = String(next);
    ctx.changed();
  });
  return {
    pointer: spec.pointer,
    element: s.element,
    get: () => {
      const raw = input.value.trim();
      if (raw === '') return undefined;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    },
    set: (v) => {
      input.value = typeof v === 'number' || typeof v === 'string' ? String(v) : '';
    },
    setProblem: s.setProblem,
    focus: () => input.focus(),
  };
}

/** On / off, or left to the server's default (shown as mixed) until the user picks. */
export function toggle(spec: FieldSpec, ctx: FieldContext): Field {
  const box = h('input', { class: 'toggle', attrs: { type: 'checkbox', role: 'switch' } });
  const state = h('span', { class: 'toggle-state', attrs: { 'aria-hidden': 'true' } });
  let value: boolean | undefined;
  const render = () => {
    box.indeterminate = value === undefined;
    box.checked = value === true;
    box.setAttribute('aria-checked', value === undefined ? 'mixed' : String(value));
    state.textContent = value === undefined ? 'default' : value ? 'on' : 'off';
    reset.hidden = value === undefined;
  };
  const reset = button({
    label: `Reset ${fieldLabel(spec.key)} to the server's default`,
    icon: 'discard',
    iconOnly: true,
    onClick: () => {
      value = undefined;
      render();
      ctx.changed();
    },
  });
  box.addEventListener('change', () => {
    value = box.checked;
    render();
    ctx.changed();
  });
  box.addEventListener('blur', () => ctx.touched(spec.pointer));
  const s = shell(spec, box, [], h('div', { class: 'toggle-row' }, box, state, reset));
  render();
  return {
    pointer: spec.pointer,
    element: s.element,
    get: () => value,
    set: (v) => {
      value = typeof v === 'boolean' ? v : undefined;
      render();
    },
    setProblem: s.setProblem,
    focus: () => box.focus(),
  };
}

export function enumSelect(spec: FieldSpec, ctx: FieldContext): Field {
  const values = (spec.schema.enum as unknown[]).map(String);
  const select = h('select', { class: 'select' }, h('option', { attrs: { value: '' } }, '(default)'), ...values.map((v) => h('option', { attrs: { value: v } }, v)));
  const s = shell(spec, select);
  listen(select, spec, ctx);
  return {
    pointer: spec.pointer,
    element: s.element,
    get: () => (select.value === '' ? undefined : select.value),
    set: (v) => {
      select.value = typeof v === 'string' && values.includes(v) ? v : '';
    },
    setProblem: s.setProblem,
    focus: () => select.focus(),
  };
}

/** Short labels as removable chips: Enter or a comma adds one; Backspace in the empty box removes the last. */
export function labelList(spec: FieldSpec, ctx: FieldContext): Field {
  let labels: string[] = [];
  const chips = h('ul', { class: 'chips', attrs: { 'aria-label': `${fieldLabel(spec.key)}` } });
  const input = h('input', { class: 'chip-input', attrs: { type: 'text', placeholder: 'Type a label, then Enter', spellcheck: 'false' } });
  const render = () => {
    chips.replaceChildren(
      ...labels.map((label, i) =>
        h(
          'li',
          { class: 'chip' },
          h('span', { class: 'chip-text' }, label),
          button({
            label: `Remove ${label}`,
            icon: 'close',
            iconOnly: true,
            class: 'chip-remove',
            onClick: () => {
              labels.splice(i, 1);
              render();
              ctx.changed();
              input.focus();
            },
          }),
        ),
      ),
    );
  };
  const commit = () => {
    const parts = input.value.split(',').map((p) => p.trim()).filter(Boolean);
    if (!parts.length) return false;
    labels = [...labels, ...parts.filter((p) => !labels.includes(p))];
    input.value = '';
    render();
    ctx.changed();
    return true;
  };
  input.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === ',') {
      if (commit() || e.key === ',') e.preventDefault();
    } else if (e.key === 'Backspace' && input.value === '' && labels.length) {
      labels.pop();
      render();
      ctx.changed();
    }
  });
  input.addEventListener('blur', () => {
    commit();
    ctx.touched(spec.pointer);
  });
  const box = h('div', { class: 'chip-box' }, chips, input);
  box.addEventListener('click', (e) => {
    if (e.target === box) input.focus();
  });
  const s = shell(spec, input, [], box);
  return {
    pointer: spec.pointer,
    element: s.element,
    get: () => {
      // Text typed but not yet committed counts too (Run straight after typing).
      const pending = input.value.split(',').map((p) => p.trim()).filter((p) => p && !labels.includes(p));
      const all = [...labels, ...pending];
      return all.length === 0 && !spec.required ? undefined : all;
    },
    set: (v) => {
      labels = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      input.value = '';
      render();
    },
    setProblem: s.setProblem,
    focus: () => input.focus(),
  };
}

/** A list of sentences, one per line. */
export function lineList(spec: FieldSpec, ctx: FieldContext): Field {
  const area = h('textarea', { class: 'textarea', attrs: { rows: '4', spellcheck: 'false', placeholder: 'One per line' } });
  const s = shell(spec, area);
  listen(area, spec, ctx);
  return {
    pointer: spec.pointer,
    element: s.element,
    get: () => {
      const lines = area.value.split('\n').map((l) => l.trim()).filter(Boolean);
      return lines.length === 0 && !spec.required ? undefined : lines;
    },
    set: (v) => {
      area.value = Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('\n') : '';
    },
    setProblem: s.setProblem,
    focus: () => area.focus(),
  };
}
