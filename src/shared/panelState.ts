// A panel's saved state (VS Code keeps it with getState/setState across reloads):
// its task (the serializer reads it), the form's draft, the result on show, the last
// runs and the JSON toggle; and what of it is worth saving (large media are not).
import type { PanelInput, TaskId } from './protocol';

export interface RunRecord {
  at: number;
  input: PanelInput;
  output: unknown;
  durationMs?: number;
}

export interface PanelState {
  v: 1;
  task: TaskId;
  draft?: PanelInput;
  current?: RunRecord;
  history: RunRecord[];
  showJson: boolean;
}

export const HISTORY_SIZE = 10;
/** Media larger than this (base64 characters, about 2 MB of file) live in memory only, not in the saved state. */
const PERSISTED_MEDIA_CHARS = 2_800_000;
/** Above this many characters in all, the saved state keeps media for the shown run only. */
const STATE_BUDGET = 8_000_000;

function withoutMedia(input: PanelInput): PanelInput {
  return input.media?.base64 ? { ...input, media: { ...input.media, base64: '' } } : input;
}

const bigMedia = (input: PanelInput | undefined) => (input?.media?.base64.length ?? 0) > PERSISTED_MEDIA_CHARS;
const trimRecord = (r: RunRecord, keep: boolean): RunRecord => (keep && !bigMedia(r.input) ? r : { ...r, input: withoutMedia(r.input) });

/**
 * What VS Code keeps across a reload: the state without large media, and without the
 * media of older runs when it would still be too large. The panel's own copy keeps
 * everything until it is closed.
 */
export function persisted(state: PanelState): PanelState {
  const trimmed: PanelState = {
    ...state,
    ...(state.draft ? { draft: bigMedia(state.draft) ? withoutMedia(state.draft) : state.draft } : {}),
    ...(state.current ? { current: trimRecord(state.current, true) } : {}),
    history: state.history.map((r) => trimRecord(r, true)),
  };
  if (JSON.stringify(trimmed).length <= STATE_BUDGET) return trimmed;
  return { ...trimmed, history: trimmed.history.map((r) => trimRecord(r, false)) };
}
