// Label colours as the theme paints them: a CSS class per palette slot, and the
// slot's RGB for canvas painting (read from the same --vscode-* variable).
import { LABEL_PALETTE, parseColor } from '../shared/labelColors';

export const colorClass = (slot: number) => `label-color-${slot % LABEL_PALETTE.length}`;

export function slotRgb(slot: number): [number, number, number] {
  const { variable, fallback } = LABEL_PALETTE[slot % LABEL_PALETTE.length];
  const value = getComputedStyle(document.body).getPropertyValue(variable);
  return parseColor(value) ?? parseColor(fallback)!;
}
