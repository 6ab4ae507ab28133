// What every result view gets and gives back.
import type { PanelInput, TaskInfo } from '../../shared/protocol';

export interface ViewContext {
  task: TaskInfo;
  input: PanelInput;
  /** Undefined while a streamed run is still arriving. */
  output: unknown;
}

export interface ResultView {
  element: HTMLElement;
  /** Streamed text as it arrives (text generation and chat). */
  append?(text: string): void;
}

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
