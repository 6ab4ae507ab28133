// The task's form, built from its input JSON Schema (getTaskSchemas): the model,
// the task's inputs, its parameters and options, each with a widget for its type.
// Problems come from the host's validator (the executor's messages) and are shown
// on the field they name once the user has been there, or on every field after Run.
import type { FieldProblem, JsonObject } from '../../executor';
import type { PanelInput, TaskInfo } from '../../shared/protocol';
import { h } from '../dom';
import { enumSelect, labelList, lineList, numberInput, textArea, textInput, toggle, type Field, type FieldContext, type FieldSpec } from './fields';
import { mediaField } from './mediaField';
import { modelField, type ModelSearch } from './modelField';
import { tableField } from './tableField';

type Schema = JsonObject;

export interface FormHooks {
  changed(): void;
  selection(): Promise<string | undefined>;
  search: ModelSearch;
  pickFile(): ReturnType<Parameters<typeof mediaField>[2]>;
}

/** Input fields the conversation view manages itself. */
const HIDDEN_INPUTS = new Set(['past_user_inputs', 'generated_responses']);
/** Rows of the text areas that are not the main text. */
const SHORT_TEXTS: Record<string, number> = { question: 2, query: 2, source_sentence: 2, text: 3 };

const props = (s: Schema | undefined): Record<string, Schema> => (s?.properties as Record<string, Schema> | undefined) ?? {};
const requiredOf = (s: Schema | undefined): string[] => (Array.isArray(s?.required) ? (s.required as string[]) : []);
const isStringList = (s: Schema) => s.type === 'array' && (s.items as Schema | undefined)?.type === 'string';

function parameterField(spec: FieldSpec, ctx: FieldContext): Field {
  const s = spec.schema;
  if (s.type === 'integer' || s.type === 'number') return numberInput(spec, ctx);
  if (s.type === 'boolean') return toggle(spec, ctx);
  if (Array.isArray(s.enum)) return enumSelect(spec, ctx);
  if (isStringList(s)) return labelList(spec, ctx);
  return textInput(spec, ctx);
}

function inputField(spec: FieldSpec, ctx: FieldContext): Field {
  const s = spec.schema;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') return tableField(spec, ctx);
  if (isStringList(s)) return lineList(spec, ctx);
  return textArea(spec, ctx, SHORT_TEXTS[spec.key] ?? 6);
}

function setAt(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = pointer.split('/').slice(1);
  let at = target;
  for (const part of parts.slice(0, -1)) {
    if (!at[part] || typeof at[part] !== 'object') at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]] = value;
}

function getAt(source: unknown, pointer: string): unknown {
  let at = source;
  for (const part of pointer.split('/').slice(1)) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

export class TaskForm {
  readonly element: HTMLFormElement;
  private readonly fields: Field[] = [];
  private readonly touchedFields = new Set<string>();
  private problems: FieldProblem[] = [];
  private showAll = false;
  /** The problems predate the latest edit: showing them on a newly visited field would flash a wrong message. */
  private stale = false;
  private readonly summary = h('div', { class: 'form-problems', attrs: { 'aria-live': 'polite' } });
  private readonly parameterCount = h('span', { class: 'muted section-count' });
  private readonly inputsIsObject: boolean;
  private readonly parametersRequired: boolean;

  constructor(
    private readonly task: TaskInfo,
    schema: Schema,
    hooks: FormHooks,
  ) {
    const ctx: FieldContext = {
      changed: () => {
        this.stale = true;
        this.updateCounts();
        hooks.changed();
      },
      touched: (pointer) => {
        this.touchedFields.add(pointer);
        if (!this.stale) this.render();
      },
      selection: hooks.selection,
    };
    const top = props(schema);
    const main: HTMLElement[] = [];
    const add = (field: Field, into: HTMLElement[]) => {
      this.fields.push(field);
      into.push(field.element);
    };

    add(modelField(ctx, task.defaultModel, hooks.search), main);
    if (task.mediaField) add(mediaField(task.mediaField, ctx, hooks.pickFile), main);

    const inputs = top.inputs;
    this.inputsIsObject = inputs?.type === 'object';
    if (inputs && this.inputsIsObject) {
      const required = requiredOf(inputs);
      for (const [key, s] of Object.entries(props(inputs))) {
        if (HIDDEN_INPUTS.has(key)) continue;
        add(inputField({ key, pointer: `/inputs/${key}`, schema: s, required: required.includes(key), label: task.id === 'TASK_CONVERSATIONAL' && key === 'text' ? 'Message' : undefined }, ctx), main);
      }
    } else if (inputs) {
      add(inputField({ key: 'inputs', pointer: '/inputs', schema: inputs, required: requiredOf(schema).includes('inputs'), label: 'Text' }, ctx), main);
    }

    const parameters = top.parameters;
    this.parametersRequired = requiredOf(schema).includes('parameters');
    const optional: HTMLElement[] = [];
    const requiredParams = requiredOf(parameters);
    for (const [key, s] of Object.entries(props(parameters))) {
      const required = requiredParams.includes(key);
      add(parameterField({ key, pointer: `/parameters/${key}`, schema: s, required }, ctx), required ? main : optional);
    }
    const options: HTMLElement[] = [];
    for (const [key, s] of Object.entries(props(top.options))) add(parameterField({ key, pointer: `/options/${key}`, schema: s, required: false }, ctx), options);

    this.element = h(
      'form',
      { class: 'task-form', attrs: { 'aria-label': `${task.title} input`, novalidate: '' }, on: { submit: (e) => e.preventDefault() } },
      ...main,
      optional.length ? h('details', { class: 'section parameters' }, h('summary', {}, 'Parameters ', this.parameterCount), h('div', { class: 'section-body' }, ...optional)) : null,
      options.length ? h('details', { class: 'section options' }, h('summary', {}, 'Options'), h('div', { class: 'section-body' }, ...options)) : null,
      this.summary,
    );
    this.updateCounts();
  }

  /** The task input the fields describe now. */
  value(): PanelInput {
    const draft: Record<string, unknown> = {};
    if (this.inputsIsObject) draft.inputs = {};
    if (this.parametersRequired) draft.parameters = {};
    for (const field of this.fields) {
      const v = field.get();
      if (v !== undefined) setAt(draft, field.pointer, v);
    }
    const input: PanelInput = { model: String(draft.model ?? '') };
    if (draft.inputs !== undefined) input.inputs = draft.inputs;
    if (draft.parameters !== undefined) input.parameters = draft.parameters as JsonObject;
    if (draft.options !== undefined) input.options = draft.options as PanelInput['options'];
    const media = this.task.mediaField ? draft[this.task.mediaField] : undefined;
    if (media) input.media = media as PanelInput['media'];
    return input;
  }

  set(input: PanelInput): void {
    const source = { ...input, ...(this.task.mediaField ? { [this.task.mediaField]: input.media } : {}) };
    for (const field of this.fields) field.set(getAt(source, field.pointer));
    this.updateCounts();
  }

  /** Sets one field by pointer (e.g. clearing the chat message after a turn). */
  setField(pointer: string, value: unknown): void {
    this.fields.find((f) => f.pointer === pointer)?.set(value);
  }

  showProblems(problems: FieldProblem[], all = this.showAll): void {
    this.problems = problems;
    this.showAll = all;
    this.stale = false;
    this.render();
  }

  /** After a successful run, fields go back to showing problems only once visited. */
  resetTouched(): void {
    this.showAll = false;
    this.touchedFields.clear();
    this.render();
  }

  focusFirstProblem(): void {
    const first = this.problems.map((p) => this.fieldFor(p.field)).find(Boolean);
    if (!first) return;
    first.element.closest('details')?.setAttribute('open', '');
    first.focus();
  }

  /** The field a problem belongs to: the one at its pointer, or the nearest enclosing one. */
  private fieldFor(pointer: string): Field | undefined {
    let best: Field | undefined;
    for (const f of this.fields) {
      if ((pointer === f.pointer || pointer.startsWith(`${f.pointer}/`)) && (!best || f.pointer.length > best.pointer.length)) best = f;
    }
    return best;
  }

  private render(): void {
    const byField = new Map<Field, string>();
    const loose: string[] = [];
    for (const p of this.problems) {
      const field = this.fieldFor(p.field);
      if (field && !byField.has(field)) byField.set(field, p.message);
      else if (!field) loose.push(p.message);
    }
    for (const f of this.fields) {
      const shown = this.showAll || this.touchedFields.has(f.pointer);
      f.setProblem(shown ? byField.get(f) : undefined);
      if (shown && byField.has(f)) f.element.closest('details')?.setAttribute('open', '');
    }
    this.summary.replaceChildren(...(this.showAll ? loose : []).map((m) => h('div', { class: 'field-problem' }, m)));
  }

  private updateCounts(): void {
    const set = this.fields.filter((f) => f.pointer.startsWith('/parameters/') && f.get() !== undefined).length;
    this.parameterCount.textContent = set ? `(${set} set)` : '';
  }
}
