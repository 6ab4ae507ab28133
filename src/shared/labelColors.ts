// One colour per label, shared by every view of a result (spans, boxes, masks,
// rows): labels take palette slots in order of first appearance, so the first
// labels are always the most distinct. Slots map to theme colours in panel.css
// (`.label-color-N`) and to the same `--vscode-*` variables for canvas painting.

/**
 * The slots' theme colours (panel.css resolves them, with fallbacks, into `--label-color`),
 * and the values of the Dark Modern theme for when nothing resolves.
 */
export const LABEL_PALETTE: readonly { variable: string; fallback: string }[] = [
  { variable: '--vscode-charts-blue', fallback: '#3794ff' },
  { variable: '--vscode-charts-orange', fallback: '#d18616' },
  { variable: '--vscode-charts-green', fallback: '#89d185' },
  { variable: '--vscode-charts-purple', fallback: '#b180d7' },
  { variable: '--vscode-charts-red', fallback: '#f14c4c' },
  { variable: '--vscode-charts-yellow', fallback: '#cca700' },
  { variable: '--vscode-terminal-ansiCyan', fallback: '#11a8cd' },
  { variable: '--vscode-terminal-ansiMagenta', fallback: '#bc3fbc' },
  { variable: '--vscode-gitDecoration-addedResourceForeground', fallback: '#81b88b' },
  { variable: '--vscode-terminal-ansiBrightBlue', fallback: '#3b8eea' },
];

/** Token classification labels B-PER / I-PER / PER are the same entity type. */
export function entityType(label: string): string {
  return label.replace(/^[BIES]-/, '');
}

/** Label → palette slot, in order of first appearance (slots repeat after the palette's size). */
export function assignColors(labels: Iterable<string>, key: (label: string) => string = (l) => l): Map<string, number> {
  const slots = new Map<string, number>();
  const byKey = new Map<string, number>();
  for (const label of labels) {
    if (slots.has(label)) continue;
    const k = key(label);
    let slot = byKey.get(k);
    if (slot === undefined) {
      slot = byKey.size % LABEL_PALETTE.length;
      byKey.set(k, slot);
    }
    slots.set(label, slot);
  }
  return slots;
}

/** `#rgb`, `#rrggbb(aa)`, `rgb(a)(r, g, b…)` or `color(srgb r g b…)` (what color-mix computes to) as [r, g, b]; undefined for anything else. */
export function parseColor(value: string): [number, number, number] | undefined {
  const v = value.trim();
  const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)/i.exec(v);
  if (srgb) return [srgb[1], srgb[2], srgb[3]].map((n) => Math.round(Math.min(1, Math.max(0, Number(n))) * 255)) as [number, number, number];
  let m = /^#([0-9a-f]{3,4})$/i.exec(v);
  if (m) return [0, 1, 2].map((i) => parseInt(m![1][i] + m![1][i], 16)) as [number, number, number];
  m = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(v);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1].slice(i, i + 2), 16)) as [number, number, number];
  m = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})/i.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])].map((n) => Math.min(255, n)) as [number, number, number];
  return undefined;
}
