import type { TimelineLayout, TimelinePoint } from './timeline';

/**
 * The timeline drawn as a tree of SVG elements, made once here and written out twice: as React
 * elements by the app's view (which makes the points clickable) and as an SVG string by the
 * dossier. Text is kept as text nodes, so each writer escapes it its own way.
 */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children: (SvgNode | string)[];
}

export interface TimelineWords {
  undated: string;
  first: string;
  repeat: string;
  contradicts: string;
  /** The accessible name of a point: the claim's quote and source. */
  pointLabel(p: TimelinePoint): string;
}

const h = (tag: string, attrs: SvgNode['attrs'], ...children: (SvgNode | string)[]): SvgNode => ({ tag, attrs, children });

const INK = '#1f2328';
const MUTED = '#6b7078';
const RULE = '#d9d6cf';
const RED = '#b3261e';
/** The legend below the rows: one line, or three where the figure is narrow. */
export const legendHeight = (layout: TimelineLayout) => (layout.labelsAbove ? 60 : 26);

/** Cuts a label to about what fits in `px` pixels of 12px type (bold Cyrillic is the widest we draw). */
function fit(label: string, px: number): string {
  const max = Math.max(4, Math.floor(px / 8.6));
  const flat = label.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function marker(p: TimelinePoint, words: TimelineWords, interactive: boolean, selected: boolean): SvgNode {
  const focus: SvgNode['attrs'] = interactive ? { tabindex: 0, role: 'button', 'data-claim': p.claimId, class: selected ? 'tl-point selected' : 'tl-point' } : {};
  const label = h('title', {}, words.pointLabel(p));
  if (p.role === 'contradicts') {
    const r = 6;
    return h(
      'g',
      { ...focus, transform: `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`, 'aria-label': words.pointLabel(p) },
      label,
      h('circle', { r: r + 1, fill: 'white', stroke: RED, 'stroke-width': 2 }),
      h('path', { d: `M${-r / 2} ${-r / 2}L${r / 2} ${r / 2}M${r / 2} ${-r / 2}L${-r / 2} ${r / 2}`, stroke: RED, 'stroke-width': 2 }),
    );
  }
  const r = p.role === 'first' ? 7 : p.role === 'repeat' ? 5.5 : 4.5;
  return h(
    'g',
    { ...focus, transform: `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`, 'aria-label': words.pointLabel(p) },
    label,
    ...(selected ? [h('circle', { r: r + 4, fill: 'none', stroke: INK, 'stroke-width': 2 })] : []),
    h('circle', {
      r,
      fill: p.role === 'repeat' ? 'white' : p.color,
      stroke: p.role === 'first' ? INK : p.color,
      'stroke-width': p.role === 'repeat' ? 3 : 1.5,
    }),
  );
}

/** The whole figure; `interactive` adds focus and claim ids to the points (the app's view). */
export function timelineFigure(layout: TimelineLayout, words: TimelineWords, opts: { interactive?: boolean; selectedId?: string | null } = {}): SvgNode {
  const { width, labelWidth, x0, x1, undatedX, top, rowHeight, rows } = layout;
  const height = layout.height + legendHeight(layout);
  const bottom = top + rows.length * rowHeight;
  const font = { 'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif', 'font-size': 12 };
  const children: SvgNode[] = [];
  const rowTop = (i: number) => top + i * rowHeight;
  rows.forEach((_, i) => {
    if (i % 2 === 0) children.push(h('rect', { x: 0, y: rowTop(i), width, height: rowHeight, fill: '#f6f4ef' }));
  });
  if (undatedX !== null) {
    children.push(h('rect', { x: undatedX - 43, y: top - 16, width: 86, height: bottom - top + 16, fill: '#eeebe4' }));
    children.push(h('text', { x: undatedX, y: top - 4, 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 }, words.undated));
  }
  for (const t of layout.ticks) {
    children.push(h('line', { x1: t.x, x2: t.x, y1: top - 6, y2: bottom, stroke: RULE, 'stroke-width': 1 }));
    children.push(h('text', { x: t.x, y: top - 4, 'text-anchor': 'middle', fill: MUTED, 'font-size': 10.5 }, t.label));
  }
  children.push(h('line', { x1: x0, x2: x1, y1: top - 1, y2: top - 1, stroke: MUTED, 'stroke-width': 1 }));
  for (const s of layout.sources) {
    const y = 13 + s.line * 14;
    children.push(h('line', { x1: s.x, x2: s.x, y1: y + 3, y2: bottom, stroke: MUTED, 'stroke-width': 1, 'stroke-dasharray': '2 3' }));
    // Labels near an edge lean inwards instead of running off the figure.
    const anchor = s.x < 60 ? 'start' : s.x > width - 60 ? 'end' : 'middle';
    const x = anchor === 'start' ? Math.max(2, s.x - 6) : anchor === 'end' ? Math.min(width - 2, s.x + 6) : s.x;
    children.push(h('text', { x, y, 'text-anchor': anchor, fill: INK, 'font-size': 11, 'font-weight': 600 }, fit(s.label, 150)));
  }
  rows.forEach((row, i) => {
    const at = layout.labelsAbove ? { x: 8, y: rowTop(i) + 14 } : { x: 8, y: row.y + 4 };
    children.push(
      h(
        'text',
        { ...at, fill: row.kind === 'other' ? MUTED : INK, 'font-weight': row.kind === 'cluster' ? 600 : 400, ...(opts.interactive && row.kind === 'cluster' ? { 'data-cluster': row.key, class: 'tl-row-label' } : {}) },
        h('title', {}, row.label),
        fit(row.label, (layout.labelsAbove ? width : labelWidth) - 16),
      ),
    );
    const dated = row.points.filter((p) => p.date !== null && p.role !== 'contradicts').map((p) => p.x);
    if (row.kind === 'cluster' && dated.length > 1) {
      children.push(h('line', { x1: Math.min(...dated), x2: Math.max(...dated), y1: row.y, y2: row.y, stroke: MUTED, 'stroke-width': 2 }));
    }
    for (const p of row.points) children.push(marker(p, words, opts.interactive === true, p.claimId === opts.selectedId));
  });
  // The legend: what the three marks of a cluster's row mean.
  const legend = (i: number, role: TimelinePoint['role'], text: string) => {
    const x = layout.labelsAbove ? 14 : 14 + i * 170;
    const y = layout.height + (layout.labelsAbove ? 10 + i * 18 : 13);
    return [
      marker({ claimId: '', documentId: '', date: null, color: '#4a6fa5', role, x, y }, { ...words, pointLabel: () => text }, false, false),
      h('text', { x: x + 14, y: y + 4, fill: MUTED, 'font-size': 11 }, text),
    ];
  };
  children.push(...legend(0, 'first', words.first), ...legend(1, 'repeat', words.repeat), ...legend(2, 'contradicts', words.contradicts));
  return h('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, ...font }, ...children);
}

const escXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The figure as SVG text (the dossier's): every attribute and text node escaped. */
export function svgString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escXml(String(v))}"`)
    .join('');
  const inner = node.children.map((c) => (typeof c === 'string' ? escXml(c) : svgString(c))).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}
