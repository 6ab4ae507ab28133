// The panel's last runs, newest first; choosing one puts its input back in the
// form and shows its result again.
import type { PanelInput } from '../shared/protocol';
import { h } from './dom';
import { duration, snippet, timeOfDay } from './format';
import type { RunRecord } from '../shared/panelState';

/** A line that recognises a run: its text input, its question, or its file. */
export function describeInput(input: PanelInput): string {
  if (input.media) return input.media.name;
  const i = input.inputs;
  if (typeof i === 'string') return snippet(i);
  if (i && typeof i === 'object') {
    const o = i as Record<string, unknown>;
    for (const key of ['text', 'question', 'query', 'source_sentence']) if (typeof o[key] === 'string') return snippet(o[key] as string);
  }
  return '';
}

export function historyList(records: readonly RunRecord[], reopen: (record: RunRecord) => void): HTMLDetailsElement {
  const details = h(
    'details',
    { class: 'history' },
    h('summary', {}, `History (${records.length})`),
    records.length
      ? h(
          'ol',
          { class: 'history-list' },
          ...records.map((r) =>
            h(
              'li',
              {},
              h(
                'button',
                { class: 'history-item', attrs: { type: 'button', title: 'Show this run again' }, on: { click: () => reopen(r) } },
                h('span', { class: 'history-time muted' }, timeOfDay(r.at)),
                h('span', { class: 'history-input' }, describeInput(r.input) || '(no text)'),
                h('span', { class: 'history-model muted' }, r.input.model),
                r.durationMs !== undefined ? h('span', { class: 'history-duration muted' }, duration(r.durationMs)) : null,
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Runs you make appear here.'),
  );
  return details;
}
