/**
 * The dossier's figures (the claim graph, the clusters' timeline) in each format: inline SVG in
 * HTML (and so in the PDF printed from it), PNG pictures in DOCX, SVG images in Markdown. The
 * figures' data is in the dossier (shared/graph.ts GraphFigure, the cross-source groups); the
 * drawings are shared/graphSvg.ts and shared/timeline-figure.ts, which escape every label.
 */
import type { Dossier } from '../../../shared/dossier';
import { figureSvg } from '../../../shared/graphSvg';
import { escapeHtml as esc } from '../../../shared/richtext';
import { svgString } from '../../../shared/timeline-figure';
import { dossierTimeline } from '../clusters/timeline';
import type { Labels } from './labels';
import type { Png } from './rasterize';
import * as W from './wordml';

/** The section's heading and the figure's title in the dossier's language. */
const titleOf = (d: Dossier, l: Labels) => `${l.graphFigure} — ${d.cover.title}`;

export function graphSvgOf(d: Dossier, l: Labels): string | null {
  return d.graph ? figureSvg(d.graph, titleOf(d, l)) : null;
}

export function timelineSvgOf(d: Dossier, l: Labels): string | null {
  const figure = dossierTimeline(d, l);
  return figure ? svgString(figure) : null;
}

export function htmlGraphSection(d: Dossier, l: Labels): string {
  const svg = graphSvgOf(d, l);
  if (!svg) return '';
  return `<section class="graph-figure" aria-labelledby="graph"><h2 id="graph">${esc(l.graphFigure)}</h2><figure>${svg}<figcaption class="muted small">${esc(l.graphCaption)}</figcaption></figure></section>`;
}

/** The figures a DOCX carries, rasterized beforehand (DOCX holds no SVG). */
export interface DocxFigures {
  graph?: Png | undefined;
  timeline?: Png | undefined;
}

type FigureKey = keyof DocxFigures;
const FIGURES: Record<FigureKey, { relId: string; file: string; docPrId: number }> = {
  graph: { relId: 'rIdGraphFigure', file: 'graph.png', docPrId: 4201 },
  timeline: { relId: 'rIdTimelineFigure', file: 'timeline.png', docPrId: 4202 },
};
export const FIGURE_REL_ID = FIGURES.graph.relId;
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
/** English Metric Units per CSS pixel (914,400 per inch, 96 px per inch). */
const EMU_PER_PX = 9525;
/** The text width of an A4/Letter page with the frame's margins, in EMU (6.3 in). */
const PAGE_WIDTH_EMU = 5_760_720;

const present = (f: DocxFigures) => (Object.keys(FIGURES) as FigureKey[]).filter((k) => f[k] !== undefined);

/** The media parts to add to the package. */
export function docxFigureParts(f: DocxFigures): { name: string; data: Buffer }[] {
  return present(f).map((k) => ({ name: `word/media/${FIGURES[k].file}`, data: f[k]!.data }));
}

export function docxFigureRelationships(f: DocxFigures): string {
  return present(f)
    .map((k) => `<Relationship Id="${FIGURES[k].relId}" Type="${IMAGE_REL}" Target="media/${FIGURES[k].file}"/>`)
    .join('');
}

/** The content types part, knowing PNG (the frame's may not, having no picture of its own). */
export function withPngType(contentTypes: string): string {
  if (/Extension="png"/i.test(contentTypes)) return contentTypes;
  return contentTypes.replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>');
}

/** One picture's paragraph, scaled to the page's width; `title` is its description for screen readers. */
function pictureParagraph(key: FigureKey, png: Png, title: string): string {
  const { relId, file, docPrId } = FIGURES[key];
  const cx = Math.min(PAGE_WIDTH_EMU, png.width * EMU_PER_PX);
  const cy = Math.round((cx * png.height) / png.width);
  const drawing =
    `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${docPrId}" name="${key}" descr="${W.xmlText(title)}"/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="${file}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  return W.paragraph(drawing);
}

/** The graph's heading, picture and caption. */
export function docxGraphParagraphs(d: Dossier, l: Labels, png: Png): string[] {
  return [
    W.paragraph(W.run(l.graphFigure), { style: 'Heading1', pageBreakBefore: true }),
    pictureParagraph('graph', png, titleOf(d, l)),
    W.paragraph(W.run(l.graphCaption, { italics: true, size: 17 })),
  ];
}

/** The timeline's picture and caption, heading the cross-source section as in HTML. */
export function docxTimelineParagraphs(l: Labels, png: Png): string[] {
  return [pictureParagraph('timeline', png, l.timeline), W.paragraph(W.run(l.timeline, { italics: true, size: 17 }))];
}

/**
 * A figure as a Markdown image whose source is the SVG itself, base64 in a data: URI. The export
 * is one file (a download in browser mode, the one path the save dialog returned on the desktop),
 * so the figure travels inside it rather than as files beside it that nothing would carry along;
 * Obsidian, Typora, VS Code's preview and pandoc show such images. GitHub's renderer drops data:
 * image sources, so there the alt text stands in.
 */
export function markdownFigure(svg: string, alt: string, escapeAlt: (s: string) => string): string {
  return `![${escapeAlt(alt)}](data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')})`;
}
