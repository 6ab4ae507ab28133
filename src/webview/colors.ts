// Label colours as the theme paints them: a CSS class per palette slot, and the
// slot's RGB for canvas painting (the colour the CSS resolves for that class).
import { LABEL_PALETTE, parseColor } from '../shared/labelColors';

export const colorClass = (slot: number) => `label-color-${slot % LABEL_PALETTE.length}`;

export function slotRgb(slot: number): [number, number, number] {
  // The colour panel.css resolves for the slot (fallbacks and contrast nudge included).
  const probe = document.createElement('span');
  probe.className = colorClass(slot);
  probe.style.color = 'var(--label-color)';
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return parseColor(value) ?? parseColor(LABEL_PALETTE[slot % LABEL_PALETTE.length].fallback)!;
}
