// Object detection: the image with a box per object (colour per label, label and
// score on the box) beside the ranked list; hovering or focusing a box or its row
// highlights both.
import { assignColors } from '../../shared/labelColors';
import { h } from '../dom';
import { score } from '../format';
import { colorClass } from '../colors';
import { mediaUrl } from '../media';
import { rankedRow } from './ranked';
import { isObj, list, num, str, type ViewContext } from './types';

interface Detected {
  label: string;
  score?: number;
  box: { xmin: number; ymin: number; xmax: number; ymax: number };
}

function detected(output: unknown): Detected[] {
  return list(isObj(output) ? output.objects : undefined)
    .filter(isObj)
    .map((o) => {
      const b = isObj(o.box) ? o.box : {};
      return { label: str(o.label), score: num(o.score), box: { xmin: num(b.xmin) ?? 0, ymin: num(b.ymin) ?? 0, xmax: num(b.xmax) ?? 0, ymax: num(b.ymax) ?? 0 } };
    });
}

const clampPct = (v: number) => `${Math.max(0, Math.min(100, v)).toFixed(3)}%`;

export function detectionView({ input, output }: ViewContext): HTMLElement {
  const objects = detected(output);
  const colors = assignColors(objects.map((o) => o.label));
  const order = objects.map((_, i) => i).sort((a, b) => (objects[b].score ?? 0) - (objects[a].score ?? 0));

  const boxes = objects.map((o, i) =>
    h('div', { class: `box ${colorClass(colors.get(o.label) ?? 0)}`, attrs: { 'data-index': String(i), 'aria-hidden': 'true' } }, h('span', { class: 'box-label' }, `${o.label} ${score(o.score)}`)),
  );
  const rows = order.map((i, rank) => {
    const row = rankedRow({ label: objects[i].label, score: objects[i].score, slot: colors.get(objects[i].label) }, rank === 0);
    row.dataset.index = String(i);
    const b = objects[i].box;
    row.setAttribute('aria-label', `${objects[i].label}, score ${score(objects[i].score)}, box from ${Math.round(b.xmin)},${Math.round(b.ymin)} to ${Math.round(b.xmax)},${Math.round(b.ymax)}`);
    return row;
  });

  const setActive = (index: number | undefined) => {
    stage.classList.toggle('has-active', index !== undefined);
    boxes.forEach((b, i) => b.classList.toggle('active', i === index));
    rows.forEach((r) => r.classList.toggle('active', Number(r.dataset.index) === index));
  };
  const link = (el: HTMLElement, i: number) => {
    el.addEventListener('mouseenter', () => setActive(i));
    el.addEventListener('mouseleave', () => setActive(undefined));
    el.addEventListener('focus', () => setActive(i));
    el.addEventListener('blur', () => setActive(undefined));
  };
  boxes.forEach((b, i) => link(b, i));
  rows.forEach((r) => link(r, Number(r.dataset.index)));

  const media = input.media?.base64 ? input.media : undefined;
  const img = media ? h('img', { class: 'stage-image', attrs: { src: mediaUrl(media, 'image'), alt: `${media.name} with ${objects.length} detected objects` } }) : null;
  // Larger boxes first, so smaller ones inside them stay reachable by the mouse.
  const byArea = boxes.map((b, i) => ({ b, area: (objects[i].box.xmax - objects[i].box.xmin) * (objects[i].box.ymax - objects[i].box.ymin) })).sort((x, y) => y.area - x.area);
  const stage = h('div', { class: 'image-stage' }, img, ...byArea.map((x) => x.b));
  const place = () => {
    if (!img?.naturalWidth) return;
    const w = img.naturalWidth;
    const ht = img.naturalHeight;
    objects.forEach((o, i) => {
      const s = boxes[i].style;
      s.left = clampPct((o.box.xmin / w) * 100);
      s.top = clampPct((o.box.ymin / ht) * 100);
      s.width = clampPct(((o.box.xmax - o.box.xmin) / w) * 100);
      s.height = clampPct(((o.box.ymax - o.box.ymin) / ht) * 100);
    });
    stage.dataset.placed = 'true';
  };
  if (img) {
    if (img.complete && img.naturalWidth) place();
    else img.addEventListener('load', place);
  }
  return h(
    'div',
    { class: 'media-result detection-view' },
    img ? stage : h('p', { class: 'muted' }, 'The image of this run was not kept; the objects are listed below.'),
    objects.length ? h('ol', { class: 'ranked', attrs: { 'aria-label': 'Detected objects' } }, ...rows) : h('p', { class: 'empty' }, 'No objects found.'),
  );
}
