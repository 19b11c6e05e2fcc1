/**
 * The dossier's claim graph figure in each format: inline SVG in HTML (and so in the PDF printed
 * from it), a PNG picture in DOCX. The figure's data is in the dossier (shared/graph.ts
 * GraphFigure); the drawing is shared/graphSvg.ts, which escapes every label.
 */
import type { Dossier } from '../../../shared/dossier';
import { figureSvg } from '../../../shared/graphSvg';
import { escapeHtml as esc } from '../../../shared/richtext';
import type { Labels } from './labels';
import type { Png } from './rasterize';
import * as W from './wordml';

/** The section's heading and the figure's title in the dossier's language. */
const titleOf = (d: Dossier, l: Labels) => `${l.graphFigure} — ${d.cover.title}`;

export function graphSvgOf(d: Dossier, l: Labels): string | null {
  return d.graph ? figureSvg(d.graph, titleOf(d, l)) : null;
}

export function htmlGraphSection(d: Dossier, l: Labels): string {
  const svg = graphSvgOf(d, l);
  if (!svg) return '';
  return `<section class="graph-figure" aria-labelledby="graph"><h2 id="graph">${esc(l.graphFigure)}</h2><figure>${svg}<figcaption class="muted small">${esc(l.graphCaption)}</figcaption></figure></section>`;
}

export const FIGURE_REL_ID = 'rIdGraphFigure';
export const FIGURE_PART = 'word/media/graph.png';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
/** English Metric Units per CSS pixel (914,400 per inch, 96 px per inch). */
const EMU_PER_PX = 9525;
/** The text width of an A4/Letter page with the frame's margins, in EMU (6.3 in). */
const PAGE_WIDTH_EMU = 5_760_720;

export function docxFigureRelationship(): string {
  return `<Relationship Id="${FIGURE_REL_ID}" Type="${IMAGE_REL}" Target="media/graph.png"/>`;
}

/** The content types part, knowing PNG (the frame's may not, having no picture of its own). */
export function withPngType(contentTypes: string): string {
  if (/Extension="png"/i.test(contentTypes)) return contentTypes;
  return contentTypes.replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>');
}

/** The heading and the picture's paragraph, scaled to the page's width. */
export function docxFigureParagraphs(d: Dossier, l: Labels, png: Png): string[] {
  const cx = Math.min(PAGE_WIDTH_EMU, png.width * EMU_PER_PX);
  const cy = Math.round((cx * png.height) / png.width);
  const title = W.xmlText(titleOf(d, l));
  const drawing =
    `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="4201" name="graph" descr="${title}"/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="graph.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="${FIGURE_REL_ID}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  return [W.paragraph(W.run(l.graphFigure), { style: 'Heading1', pageBreakBefore: true }), W.paragraph(drawing), W.paragraph(W.run(l.graphCaption, { italics: true, size: 17 }))];
}
