// Detection boxes and segmentation masks drawn over the image, as a standalone SVG
// (pure): the image embedded as a data URI, so the file can be saved and opened
// anywhere. Model output is untrusted: every label is stripped of control and bidi
// characters and XML-escaped, masks are used only when they are base64 PNG data URIs,
// and boxes are clamped to the image.
import { formatScore, inlineText } from './format';
import { imageSize, type Size } from './imageSize';

export interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

export interface Detection {
  label: string;
  score: number;
  box: Box;
}

export interface SegmentMask {
  label: string;
  score?: number | null;
  mask: string;
}

export interface SourceImage {
  /** The image's bytes. */
  bytes: Uint8Array;
  /** Its sniffed media type (image/png…). */
  contentType: string;
}

// Distinct hues that stay readable over photos; labels get them in order of appearance.
const PALETTE: readonly { fill: string; text: string }[] = [
  { fill: '#e6194b', text: '#ffffff' },
  { fill: '#3cb44b', text: '#ffffff' },
  { fill: '#4363d8', text: '#ffffff' },
  { fill: '#f58231', text: '#000000' },
  { fill: '#911eb4', text: '#ffffff' },
  { fill: '#42d4f4', text: '#000000' },
  { fill: '#f032e6', text: '#ffffff' },
  { fill: '#bfef45', text: '#000000' },
  { fill: '#469990', text: '#ffffff' },
  { fill: '#9a6324', text: '#ffffff' },
  { fill: '#ffe119', text: '#000000' },
  { fill: '#000075', text: '#ffffff' },
];

/** One colour per distinct label, in order of first appearance (distinct for the first 12 labels). */
export function labelColours(labels: readonly string[]): Map<string, { fill: string; text: string }> {
  const colours = new Map<string, { fill: string; text: string }>();
  for (const label of labels) if (!colours.has(label)) colours.set(label, PALETTE[colours.size % PALETTE.length]);
  return colours;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside XML/HTML content and quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** A label as one short line of inert text. */
function labelText(label: string, score: number | null | undefined): string {
  const name = inlineText(String(label), 60) || '(no label)';
  return escapeXml(typeof score === 'number' ? `${name} ${formatScore(score)}` : name);
}

const MEDIA_TYPE = /^image\/(png|jpeg|gif|webp|bmp|tiff)$/;
const PNG_DATA_URI = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

function imageDataUri(image: SourceImage): string {
  const type = MEDIA_TYPE.test(image.contentType) ? image.contentType : 'application/octet-stream';
  return `data:${type};base64,${Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64')}`;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number) => Math.round(v * 100) / 100;

/** Sizes that keep labels legible whatever the image's resolution. */
function metrics(size: Size): { font: number; stroke: number; pad: number } {
  const font = Math.max(10, Math.round(Math.max(size.width, size.height) / 45));
  return { font, stroke: Math.max(1, Math.round(Math.min(size.width, size.height) / 200)), pad: Math.round(font / 4) };
}

/** A rough width of text in a sans-serif font, for the label's background. */
const textWidth = (chars: number, font: number) => Math.ceil(chars * font * 0.6);

function svgOpen(width: number, height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${title}</title>`;
}

/** The image with a box, and a "label score" tag, per detected object. */
export function detectionSvg(image: SourceImage, objects: readonly Detection[]): string {
  const usable = objects.filter((o) => [o.box?.xmin, o.box?.ymin, o.box?.xmax, o.box?.ymax].every((v) => Number.isFinite(v)));
  // Without a readable header, the boxes' extent stands in for the image's size.
  const size = imageSize(image.bytes) ?? {
    width: Math.max(1, ...usable.map((o) => Math.max(o.box.xmin, o.box.xmax) + 1)),
    height: Math.max(1, ...usable.map((o) => Math.max(o.box.ymin, o.box.ymax) + 1)),
  };
  const { width, height } = size;
  const { font, stroke, pad } = metrics(size);
  const colours = labelColours(usable.map((o) => o.label));
  const shapes = usable.map((o) => {
    const x0 = clamp(Math.min(o.box.xmin, o.box.xmax), 0, width);
    const x1 = clamp(Math.max(o.box.xmin, o.box.xmax), 0, width);
    const y0 = clamp(Math.min(o.box.ymin, o.box.ymax), 0, height);
    const y1 = clamp(Math.max(o.box.ymin, o.box.ymax), 0, height);
    const colour = colours.get(o.label)!;
    const text = labelText(o.label, o.score);
    const tagW = Math.min(width, textWidth(inlineText(String(o.label), 60).length + 6, font) + 2 * pad);
    const tagH = font + 2 * pad;
    // The tag sits above the box when there is room, else just inside its top edge.
    const tagX = clamp(x0, 0, Math.max(0, width - tagW));
    const tagY = y0 >= tagH ? y0 - tagH : y0;
    return (
      `<g><rect x="${round(x0)}" y="${round(y0)}" width="${round(x1 - x0)}" height="${round(y1 - y0)}" fill="none" stroke="${colour.fill}" stroke-width="${stroke}"/>` +
      `<rect x="${round(tagX)}" y="${round(tagY)}" width="${tagW}" height="${tagH}" fill="${colour.fill}"/>` +
      `<text x="${round(tagX + pad)}" y="${round(tagY + pad + font * 0.85)}" fill="${colour.text}">${text}</text></g>`
    );
  });
  const title = usable.length ? usable.map((o) => labelText(o.label, o.score)).join(', ') : 'No objects found';
  return (
    svgOpen(width, height, title) +
    `<image href="${imageDataUri(image)}" x="0" y="0" width="${width}" height="${height}" preserveAspectRatio="none"/>` +
    `<g font-family="sans-serif" font-size="${font}">${shapes.join('')}</g></svg>`
  );
}

function maskSize(mask: string): Size | undefined {
  if (!PNG_DATA_URI.test(mask)) return undefined;
  return imageSize(Buffer.from(mask.slice(mask.indexOf(',') + 1, mask.indexOf(',') + 1 + 64), 'base64'));
}

/** The image with each segment's mask as a translucent overlay in its label's colour, and a legend below it. */
export function segmentationSvg(image: SourceImage, segments: readonly SegmentMask[]): string {
  const size = imageSize(image.bytes) ?? segments.map((s) => maskSize(s.mask)).find((s) => s !== undefined) ?? { width: 512, height: 512 };
  const { width, height } = size;
  const { font, pad } = metrics(size);
  const colours = labelColours(segments.map((s) => s.label));
  const line = Math.round(font * 1.5);
  const legendHeight = segments.length ? segments.length * line + 2 * pad : 0;
  // The legend may be wider than a small image.
  const legendWidth = Math.max(width, ...segments.map((s) => 3 * pad + font + textWidth(inlineText(String(s.label), 60).length + 16, font)));
  const masks: string[] = [];
  const overlays: string[] = [];
  const legend: string[] = [];
  segments.forEach((s, i) => {
    const colour = colours.get(s.label)!;
    // A mask that is not a base64 PNG (as the executor normalizes them) is not drawn, never interpreted.
    const drawable = typeof s.mask === 'string' && PNG_DATA_URI.test(s.mask);
    if (drawable) {
      masks.push(`<mask id="m${i}" maskUnits="userSpaceOnUse" x="0" y="0" width="${width}" height="${height}"><image href="${s.mask}" x="0" y="0" width="${width}" height="${height}" preserveAspectRatio="none"/></mask>`);
      overlays.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="${colour.fill}" fill-opacity="0.5" mask="url(#m${i})"/>`);
    }
    const y = height + pad + i * line;
    legend.push(
      `<rect x="${pad}" y="${y + Math.round((line - font) / 2)}" width="${font}" height="${font}" fill="${colour.fill}"/>` +
        `<text x="${2 * pad + font}" y="${y + Math.round(line / 2 + font * 0.35)}">${labelText(s.label, s.score)}${drawable ? '' : ' (no mask)'}</text>`,
    );
  });
  const title = segments.length ? segments.map((s) => labelText(s.label, s.score)).join(', ') : 'No segments found';
  return (
    svgOpen(legendWidth, height + legendHeight, title) +
    (masks.length ? `<defs>${masks.join('')}</defs>` : '') +
    `<image href="${imageDataUri(image)}" x="0" y="0" width="${width}" height="${height}" preserveAspectRatio="none"/>` +
    overlays.join('') +
    (legend.length ? `<rect x="0" y="${height}" width="${legendWidth}" height="${legendHeight}" fill="#ffffff"/><g font-family="sans-serif" font-size="${font}" fill="#000000">${legend.join('')}</g>` : '') +
    '</svg>'
  );
}
