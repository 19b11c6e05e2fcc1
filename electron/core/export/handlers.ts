/** The API handlers of the dossier and its export (spread into the backend's handler table). */
import path from 'node:path';
import type { ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { DossierOptions, ExportFormat } from '../../../shared/dossier';
import type { Project } from '../store/project';
import { buildFile, dossierOf, writeFileAtomic, type PdfPrinter } from './index';
import { rememberSaveBase } from '../team/save-bases';
import { readDossierSettings, readSummary, rememberDossierSettings, saveSummary } from './settings';

type ExportApi = 'dossier.summary.get' | 'dossier.summary.save' | 'dossier.settings.get' | 'export.preview' | 'export.build' | 'export.write';
export type ExportHandlers = { [N in ExportApi]: (input: ApiParsedInput<N>) => ApiOutput<N> | Promise<ApiOutput<N>> };

export interface ExportDeps {
  project(): Project;
  author(): string;
  generator: string;
  printPdf?: PdfPrinter | undefined;
}

export function exportHandlers(deps: ExportDeps): ExportHandlers {
  const ctx = () => ({ author: deps.author(), generator: deps.generator, printPdf: deps.printPdf });
  const remember = (p: Project, format: ExportFormat, o: DossierOptions) => {
    const d = readDossierSettings(p, deps.author());
    rememberDossierSettings(p, {
      title: o.title ?? d.title,
      analyst: o.analyst ?? d.analyst,
      notes: o.notes,
      untagged: o.untagged,
      descriptions: o.descriptions,
      order: o.order,
      language: o.language,
      bom: o.bom,
      format,
    });
  };
  return {
    'dossier.summary.get': () => readSummary(deps.project()),
    'dossier.summary.save': ({ json, base }) => {
      const saved = saveSummary(deps.project(), json, deps.author());
      rememberSaveBase(deps.project(), 'summary', base);
      return saved;
    },
    'dossier.settings.get': () => readDossierSettings(deps.project(), deps.author()),
    'export.preview': ({ options }) => {
      const d = dossierOf(deps.project(), options, ctx());
      return { sources: d.scope.sources, claims: d.scope.claims, links: d.scope.links, groups: d.groups.length, notes: d.claims.filter((c) => c.note).length };
    },
    'export.build': async ({ format, options }) => {
      const p = deps.project();
      const file = await buildFile(p, format, options, ctx());
      remember(p, format, options);
      return { fileName: file.fileName, mime: file.mime, dataBase64: file.data.toString('base64') };
    },
    'export.write': async ({ format, options, path: target }) => {
      const p = deps.project();
      const file = await buildFile(p, format, options, ctx());
      const resolved = path.resolve(target);
      writeFileAtomic(resolved, file.data);
      remember(p, format, options);
      return { path: resolved, bytes: file.data.length };
    },
  };
}
