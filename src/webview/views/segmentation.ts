// Image segmentation: each mask painted over the image in its label's colour;
// pointing at a pixel (or a row) highlights its segment, and each segment can be
// hidden. Masks are grayscale PNGs decoded into a canvas (255 = inside).
import { assignColors } from '../../shared/labelColors';
import { h } from '../dom';
import { slotRgb } from '../colors';
import { mediaUrl } from '../media';
import { rankedRow } from './ranked';
import { isObj, list, num, str, type ViewContext } from './types';

const MASK_PREFIX = 'data:image/png;base64,';
const FILL = 0.55;
const FILL_ACTIVE = 0.8;
const FILL_DIMMED = 0.15;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('not an image'));
    img.src = src;
  });
}

/** The mask's coverage (one byte per pixel) at the image's size. */
function coverage(mask: HTMLImageElement, width: number, height: number): Uint8Array {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(mask, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const out = new Uint8Array(width * height);
  for (let p = 0; p < out.length; p++) out[p] = rgba[p * 4 + 3] === 0 ? 0 : rgba[p * 4];
  return out;
}

export function segmentationView({ input, output }: ViewContext): HTMLElement {
  const segments = list(isObj(output) ? output.segments : undefined)
    .filter(isObj)
    .map((s) => ({ label: str(s.label), score: num(s.score), mask: str(s.mask) }));
  const colors = assignColors(segments.map((s) => s.label));
  const visible = segments.map(() => true);
  let active: number | undefined;

  const canvas = h('canvas', { class: 'mask-canvas', attrs: { 'aria-hidden': 'true' } });
  const media = input.media?.base64 ? input.media : undefined;
  const img = media ? h('img', { class: 'stage-image', attrs: { src: mediaUrl(media, 'image'), alt: `${media.name} with ${segments.length} segments` } }) : null;
  const stage = h('div', { class: 'image-stage segmentation-stage' }, img, canvas);

  const rows = segments.map((s, i) => {
    const row = rankedRow({ label: s.label, score: s.score, slot: colors.get(s.label) }, false);
    row.dataset.index = String(i);
    const box = h('input', { class: 'segment-toggle', attrs: { type: 'checkbox', 'aria-label': `Show ${s.label}` } });
    box.checked = true;
    box.addEventListener('change', () => {
      visible[i] = box.checked;
      row.classList.toggle('hidden-segment', !box.checked);
      rebuild();
    });
    row.querySelector('.row-head')?.prepend(box);
    row.addEventListener('mouseenter', () => setActive(i));
    row.addEventListener('mouseleave', () => setActive(undefined));
    row.addEventListener('focus', () => setActive(i));
    row.addEventListener('blur', () => setActive(undefined));
    return row;
  });

  let width = 0;
  let height = 0;
  let masks: (Uint8Array | undefined)[] = [];
  /** Per pixel: the index of the first visible segment covering it, or -1. */
  let owner = new Int16Array(0);
  let frame = 0;

  const rebuild = () => {
    owner = new Int16Array(width * height).fill(-1);
    for (let i = segments.length - 1; i >= 0; i--) {
      const m = masks[i];
      if (!m || !visible[i]) continue;
      for (let p = 0; p < owner.length; p++) if (m[p] > 127) owner[p] = i;
    }
    paint();
  };

  const paint = () => {
    if (!width) return;
    const ctx = canvas.getContext('2d')!;
    const image = ctx.createImageData(width, height);
    const rgb = segments.map((s) => slotRgb(colors.get(s.label) ?? 0));
    const alpha = segments.map((_, i) => Math.round(255 * (active === undefined ? FILL : i === active ? FILL_ACTIVE : FILL_DIMMED)));
    const d = image.data;
    for (let p = 0; p < owner.length; p++) {
      const i = owner[p];
      if (i < 0) continue;
      const [r, g, b] = rgb[i];
      d[p * 4] = r;
      d[p * 4 + 1] = g;
      d[p * 4 + 2] = b;
      d[p * 4 + 3] = alpha[i];
    }
    ctx.putImageData(image, 0, 0);
    canvas.dataset.painted = String(masks.filter(Boolean).length);
  };

  function setActive(i: number | undefined) {
    if (i === active) return;
    active = i;
    rows.forEach((r, j) => r.classList.toggle('active', j === i));
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(paint);
  }

  canvas.addEventListener('mousemove', (e) => {
    if (!width) return;
    const x = Math.floor((e.offsetX / canvas.clientWidth) * width);
    const y = Math.floor((e.offsetY / canvas.clientHeight) * height);
    const i = owner[y * width + x];
    setActive(i === undefined || i < 0 ? undefined : i);
  });
  canvas.addEventListener('mouseleave', () => setActive(undefined));

  void (async () => {
    const decoded = await Promise.all(segments.map((s) => (s.mask.startsWith(MASK_PREFIX) ? loadImage(s.mask).catch(() => undefined) : Promise.resolve(undefined))));
    const base = img ? await (img.complete && img.naturalWidth ? Promise.resolve(img) : loadImage(img.src).catch(() => undefined)) : undefined;
    const size = base ?? decoded.find(Boolean);
    if (!size) return;
    width = size.naturalWidth;
    height = size.naturalHeight;
    canvas.width = width;
    canvas.height = height;
    masks = decoded.map((m) => (m ? coverage(m, width, height) : undefined));
    decoded.forEach((m, i) => {
      if (!m) rows[i].classList.add('no-mask');
    });
    rebuild();
  })();

  return h(
    'div',
    { class: 'media-result segmentation-view' },
    img ? stage : h('div', { class: 'image-stage masks-only' }, canvas),
    segments.length ? h('ol', { class: 'ranked', attrs: { 'aria-label': 'Segments' } }, ...rows) : h('p', { class: 'empty' }, 'No segments found.'),
    segments.length && segments.every((s) => s.score === undefined) ? h('p', { class: 'muted' }, 'The model gives no scores.') : null,
  );
}
