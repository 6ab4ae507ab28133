// Building DOM nodes without HTML strings: every piece of text, model output
// included, becomes a text node. Bidi embedding/override/isolate characters are
// shown as visible markers, so a model cannot make text read backwards.

type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  attrs?: Record<string, string | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
}

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS_ALL = /[\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text as nodes: text nodes, with each bidi control shown as a marker. */
export function text(value: string): Node {
  if (!BIDI_CONTROLS.test(value)) return document.createTextNode(value);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const m of value.matchAll(BIDI_CONTROLS_ALL)) {
    const i = m.index ?? 0;
    if (i > at) fragment.append(document.createTextNode(value.slice(at, i)));
    const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const marker = document.createElement('span');
    marker.className = 'control-char';
    marker.title = `Invisible control character ${code}`;
    marker.textContent = `[${code}]`;
    fragment.append(marker);
    at = i + 1;
  }
  if (at < value.length) fragment.append(document.createTextNode(value.slice(at)));
  return fragment;
}

/** Replaces an element's content with untrusted text (never textContent directly: bidi markers). */
export function setText(el: Element, value: string): void {
  el.replaceChildren(text(value));
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) if (value !== undefined) el.setAttribute(name, value);
  for (const [event, handler] of Object.entries(props.on ?? {})) el.addEventListener(event, handler as EventListener);
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? text(String(child)) : child);
  }
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** A codicon (decorative: the control carrying it has the accessible name). */
export function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, attrs: { 'aria-hidden': 'true' } });
}

export interface ButtonOptions {
  label: string;
  icon?: string;
  /** Icon-only buttons still get this as their accessible name and tooltip. */
  iconOnly?: boolean;
  title?: string;
  class?: string;
  onClick: (e: MouseEvent) => void;
}

export function button(o: ButtonOptions): HTMLButtonElement {
  const b = h(
    'button',
    { class: `${o.iconOnly ? 'icon-button' : 'button'} ${o.class ?? ''}`.trim(), attrs: { type: 'button', title: o.title ?? o.label, 'aria-label': o.iconOnly ? o.label : undefined }, on: { click: o.onClick } },
    o.icon ? icon(o.icon) : null,
    o.iconOnly ? null : h('span', {}, o.label),
  );
  return b;
}

let uid = 0;
/** A unique element id for label/aria wiring. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++uid}`;
}
