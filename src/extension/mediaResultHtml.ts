// The HTML of the read-only media result view (pure): per file, the ranked labels with
// their scores, or the annotated image with its objects or segments, or the error.
// No script runs in it; its only style sheet carries the nonce the CSP names; images
// are data URIs (an SVG shown through <img> can neither run scripts nor load anything).
// Every piece of model output and every file name is escaped.
import { escapeXml } from './annotation';
import { formatScore, inlineText, ranked, type LabelScore } from './format';

export interface MediaItemView {
  name: string;
  /** Links to commands about this file. */
  links?: readonly { label: string; href: string }[];
  error?: string;
  classes?: readonly LabelScore[];
  objects?: readonly { label: string; score: number; box: { xmin: number; ymin: number; xmax: number; ymax: number } }[];
  segments?: readonly { label: string; score?: number | null }[];
  /** The annotated image (detection, segmentation). */
  svg?: string;
}

export interface ResultPage {
  title: string;
  subtitle: string;
  items: readonly MediaItemView[];
  /** Links to commands (the view enables only those commands). */
  actions: readonly { label: string; href: string }[];
  nonce: string;
}

const text = (value: string, max = 200) => escapeXml(inlineText(value, max));

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 24px; }
h1 { font-size: 1.3em; margin-bottom: 0.2em; }
h2 { font-size: 1.1em; margin: 1.5em 0 0.5em; }
.sub { color: var(--vscode-descriptionForeground); margin-top: 0; }
nav a { margin-right: 1.2em; color: var(--vscode-textLink-foreground); }
.error { color: var(--vscode-errorForeground); }
table { border-collapse: collapse; margin-top: 0.5em; }
th, td { text-align: left; padding: 2px 12px 2px 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
meter { width: 160px; }
img.annotated { max-width: 100%; height: auto; border: 1px solid var(--vscode-panel-border); }
`;

const link = (a: { label: string; href: string }) => `<a href="${escapeXml(a.href)}">${escapeXml(a.label)}</a>`;

function classesHtml(classes: readonly LabelScore[]): string {
  if (!classes.length) return '<p>No labels.</p>';
  const rows = ranked(classes).map((c, i) => `<tr><td class="num">${i + 1}</td><td>${text(c.label)}</td><td class="num">${formatScore(c.score)}</td><td><meter min="0" max="1" value="${Number.isFinite(c.score) ? c.score : 0}"></meter></td></tr>`);
  return `<table><thead><tr><th>#</th><th>Label</th><th>Score</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function objectsHtml(objects: NonNullable<MediaItemView['objects']>): string {
  if (!objects.length) return '<p>No objects found.</p>';
  const rows = [...objects].sort((a, b) => b.score - a.score).map((o) => `<tr><td>${text(o.label)}</td><td class="num">${formatScore(o.score)}</td><td class="num">${[o.box.xmin, o.box.ymin, o.box.xmax, o.box.ymax].map((v) => escapeXml(String(v))).join(', ')}</td></tr>`);
  return `<table><thead><tr><th>Object</th><th>Score</th><th>Box (x min, y min, x max, y max)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function segmentsHtml(segments: NonNullable<MediaItemView['segments']>): string {
  if (!segments.length) return '<p>No segments found.</p>';
  const rows = segments.map((s) => `<tr><td>${text(s.label)}</td><td class="num">${typeof s.score === 'number' ? formatScore(s.score) : '–'}</td></tr>`);
  return `<table><thead><tr><th>Segment</th><th>Score</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function itemHtml(item: MediaItemView): string {
  const parts = [`<h2>${text(item.name)}</h2>`];
  if (item.links?.length) parts.push(`<nav>${item.links.map(link).join('')}</nav>`);
  if (item.error !== undefined) parts.push(`<p class="error">${text(item.error, 500)}</p>`);
  if (item.svg) parts.push(`<img class="annotated" alt="${text(item.name)}, annotated" src="data:image/svg+xml;base64,${Buffer.from(item.svg, 'utf8').toString('base64')}">`);
  if (item.classes) parts.push(classesHtml(item.classes));
  if (item.objects) parts.push(objectsHtml(item.objects));
  if (item.segments) parts.push(segmentsHtml(item.segments));
  return `<section>${parts.join('')}</section>`;
}

export function resultPageHtml(page: ResultPage): string {
  const nonce = escapeXml(page.nonce);
  const csp = `default-src 'none'; img-src data:; style-src 'nonce-${nonce}';`;
  const actions = page.actions.map(link).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${STYLE}</style>
<title>${text(page.title)}</title></head>
<body><header><h1>${text(page.title)}</h1><p class="sub">${text(page.subtitle, 300)}</p>${actions ? `<nav>${actions}</nav>` : ''}</header>
${page.items.map(itemHtml).join('\n')}
</body></html>`;
}
