/**
 * Export of the structured dossier: builds it from the open project with the analyst's options
 * and renders it in the chosen format. Used by the API handlers (./handlers.ts) and the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Dossier, MIME, suggestFileName, type DossierOptions, type ExportFormat } from '../../../shared/dossier';
import { AppError } from '../errors';
import type { Project } from '../store/project';
import { buildDossier } from './build';
import { printHtmlToPdf } from './chromium';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { snapshotOf } from './snapshot';
import { graphFigure } from '../graph/figure';
import { graphSvgOf, timelineSvgOf } from './figures';
import { labelsFor } from './labels';
import { svgToPng, type Png } from './rasterize';

/** Prints self-contained HTML to PDF: headless Chromium by default, the desktop shell's own printer there. */
export type PdfPrinter = (html: string) => Promise<Buffer>;

export interface ExportContext {
  author: string;
  generator: string;
  printPdf?: PdfPrinter | undefined;
  now?: Date;
}

/** Refuses options that name tags or sources the project does not have (a stale dialog, a typo in the CLI). */
export function checkOptions(project: Project, options: DossierOptions): void {
  if (options.tagIds) {
    const live = new Set(project.tags.list().map((t) => t.id));
    const unknown = options.tagIds.find((id) => !live.has(id));
    if (unknown) throw new AppError('bad-input', `The dossier cannot be built: there is no tag with id ${unknown.slice(0, 60)}.`);
  }
  if (options.sourceIds) {
    const live = new Set(project.documents.list().map((d) => d.id));
    const unknown = options.sourceIds.find((id) => !live.has(id));
    if (unknown) throw new AppError('bad-input', `The dossier cannot be built: there is no document with id ${unknown.slice(0, 60)}.`);
  }
}

export function dossierOf(project: Project, options: DossierOptions, ctx: ExportContext): Dossier {
  checkOptions(project, options);
  const d = buildDossier(snapshotOf(project, ctx.author, ctx.generator, ctx.now), options);
  return options.graph ? { ...d, graph: graphFigure(project, d) } : d;
}

/** The file's bytes for a dossier in one format. */
export async function renderDossier(
  d: Dossier,
  format: ExportFormat,
  opts: { bom?: boolean; printPdf?: PdfPrinter | undefined; rasterize?: ((svg: string) => Promise<Png>) | undefined } = {},
): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(renderHtml(d), 'utf8');
    case 'pdf':
      return (opts.printPdf ?? ((html: string) => printHtmlToPdf(html)))(renderHtml(d));
    case 'docx': {
      const l = labelsFor(d.language);
      const raster = opts.rasterize ?? svgToPng;
      const [graph, timeline] = [graphSvgOf(d, l), timelineSvgOf(d, l)];
      // One after the other: each is a Chromium of its own, and the machine may be small.
      const figures = { graph: graph ? await raster(graph) : undefined, timeline: timeline ? await optionalFigure(raster, timeline) : undefined };
      return renderDocx(d, figures);
    }
    case 'md':
      return Buffer.from(renderMarkdown(d), 'utf8');
    case 'json':
      return Buffer.from(`${JSON.stringify(d, null, 2)}\n`, 'utf8');
    case 'csv':
      return Buffer.from(renderCsv(d, { bom: opts.bom ?? false }), 'utf8');
  }
}

/**
 * The timeline comes with every dossier that has clusters, unasked: where no Chromium is found to
 * draw its picture, the DOCX is still made, without it (the graph, asked for, fails instead).
 */
async function optionalFigure(raster: (svg: string) => Promise<Png>, svg: string): Promise<Png | undefined> {
  try {
    return await raster(svg);
  } catch (err) {
    if (err instanceof AppError && err.code === 'unavailable') return undefined;
    throw err;
  }
}

/** Reads a dossier JSON file's text back, checking it against the schema (for rebuilding other formats from it). */
export function parseDossierJson(text: string): Dossier {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('bad-input', 'This is not a dossier JSON file: it is not valid JSON.');
  }
  const parsed = Dossier.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad-input', `This is not a Crossread dossier (version 1): ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

export interface BuiltFile {
  fileName: string;
  mime: string;
  data: Buffer;
  dossier: Dossier;
}

export async function buildFile(project: Project, format: ExportFormat, options: DossierOptions, ctx: ExportContext): Promise<BuiltFile> {
  const dossier = dossierOf(project, options, ctx);
  const data = await renderDossier(dossier, format, { bom: options.bom, printPdf: ctx.printPdf });
  return { fileName: suggestFileName(dossier.cover.title, format), mime: MIME[format], data, dossier };
}

/**
 * Writes bytes to `target` whole or not at all: into a temp file beside it, then renamed over it,
 * so a failure never leaves a half-written dossier (nor a damaged earlier one) at the path.
 */
export function writeFileAtomic(target: string, data: Buffer): void {
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new AppError('bad-input', `Cannot save to ${target}: the folder ${dir} does not exist.`);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('bad-input', `Cannot save to ${target}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'that is a folder' : (err as Error).message}.`);
  }
}
