// What the panel UI tests read inside the webview with script: computed colours,
// bar widths, canvas pixels, a synthetic paste, and the XSS canary.
import type { Frame, Locator, Page } from 'playwright-core';

// The callbacks below run in the browser. The project compiles without the DOM
// library (it would change Node's types everywhere), so the few browser globals
// they use are declared here, for this module only.
interface El {
  style: { getPropertyValue(property: string): string; top: string };
  offsetWidth: number;
  textContent: string | null;
  querySelector(selector: string): El | null;
  setAttribute(name: string, value: string): void;
  dispatchEvent(event: unknown): boolean;
}
interface Canvas extends El {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}
declare const document: { querySelector(selector: string): El | null; querySelectorAll(selector: string): ArrayLike<El> };
declare const window: { __pwned?: unknown };
declare function getComputedStyle(element: unknown): { getPropertyValue(property: string): string };
declare const DataTransfer: new () => { setData(type: string, data: string): void; items: { add(file: unknown): void } };
declare const File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
declare const DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
declare function atob(data: string): string;
declare const ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => unknown;

export const computedStyle = (l: Locator, property: string): Promise<string> => l.evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), property);

export const computedStyles = (l: Locator, property: string): Promise<string[]> => l.evaluateAll((els, p) => els.map((e) => getComputedStyle(e).getPropertyValue(p)), property);

export const inlineStyle = (l: Locator, property: string): Promise<string> => l.evaluate((e, p) => (e as unknown as El).style.getPropertyValue(p), property);

/** Each ranked row's score and its bar's width as a fraction of the track. */
export const barFractions = (win: Frame): Promise<[number, number][]> =>
  win.$$eval('.result .ranked-row', (rows) =>
    rows.map((r): [number, number] => {
      const row = r as unknown as El;
      return [Number(row.querySelector('.row-score')?.textContent), row.querySelector('.bar')!.offsetWidth / row.querySelector('.bar-track')!.offsetWidth];
    }),
  );

/** RGBA of the segmentation canvas at a fraction of its width and height. */
export const canvasPixel = (win: Frame, fx: number, fy: number): Promise<number[]> =>
  win.evaluate(
    ([x, y]) => {
      const c = document.querySelector('.result .mask-canvas') as Canvas;
      return Array.from(c.getContext('2d').getImageData(Math.floor(c.width * x), Math.floor(c.height * y), 1, 1).data);
    },
    [fx, fy],
  );

/** Pastes text into an element the way a clipboard paste arrives (a cancelable ClipboardEvent). */
export const paste = (win: Frame, selector: string, text: string): Promise<void> =>
  win.evaluate(
    ([sel, t]) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.querySelector(sel)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [selector, text],
  );

/** Marks the result card on show, so the next run's card can be told apart. */
export const markResultSeen = (win: Frame): Promise<void> => win.evaluate(() => void document.querySelector('.result')?.setAttribute('data-seen', ''));

/** The canary every XSS payload tries to set. */
export const canary = (win: Frame): Promise<unknown> => win.evaluate(() => window.__pwned);

/** Script elements whose text mentions `needle` (VS Code adds a script of its own to every webview). */
export const scriptsMentioning = (win: Frame, needle: string): Promise<number> =>
  win.evaluate((n) => Array.from(document.querySelectorAll('script')).filter((s) => (s.textContent ?? '').includes(n)).length, needle);

/** The text of the first editor, line by line (Monaco places its line elements out of DOM order). */
export const editorLines = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.monaco-editor .view-lines .view-line'))
      .map((line) => [parseFloat(line.style.top), (line.textContent ?? '').replace(/\u00a0/g, ' ')] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, text]) => text),
  );

/** A file arriving the way a person hands it over: pasted anywhere in the panel, or dropped on `selector`. */
export const handOverFile = (win: Frame, how: 'paste' | 'drop', file: { name: string; mime: string; bytes: Buffer }, selector = '.dropzone'): Promise<void> =>
  win.evaluate(
    ([how, name, mime, base64, sel]) => {
      const binary = atob(base64);
      const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: mime }));
      const init = { bubbles: true, cancelable: true };
      if (how === 'paste') document.querySelector('body')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, ...init }));
      else document.querySelector(sel)!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, ...init }));
    },
    [how, file.name, file.mime, file.bytes.toString('base64'), selector] as const,
  );
