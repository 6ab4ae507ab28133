// WCAG 2 contrast of computed CSS colours, for the UI tests' readability checks.
import * as assert from 'node:assert/strict';

export type Rgb = [number, number, number];

/** A computed colour, `rgb(r, g, b)`, `rgba(…)` or `color(srgb r g b)` (what color-mix computes to), as [r, g, b] in 0–255. */
export function parseRgb(css: string): Rgb {
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(css);
  assert.ok(srgb, `not an sRGB colour: ${css}`);
  return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255];
}

/** The alpha of a computed colour (1 when it has none). */
export function alphaOf(css: string): number {
  const m = /rgba\([^)]*,\s*([\d.]+)\)|\/\s*([\d.]+)\)/.exec(css);
  return m ? Number(m[1] ?? m[2]) : 1;
}

/** `top` (with its alpha) painted over the opaque `under`. */
export function over(top: string, under: Rgb): Rgb {
  const a = alphaOf(top);
  const t = parseRgb(top);
  return [0, 1, 2].map((i) => t[i] * a + under[i] * (1 - a)) as Rgb;
}

/** WCAG 2 contrast ratio of two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const luminance = (c: Rgb) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
