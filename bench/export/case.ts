/**
 * The Export benchmark case (issue 6, case 6): a dossier of 10,000 claims over 100 documents,
 * exported in every format through the same code the app and the CLI run (buildFile: project
 * snapshot → dossier → renderer), several times each; one row per format with its budget.
 * Written in the shape of `npm run bench`'s BenchCase/Row so it can join that harness as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS, type DossierOptions, type ExportFormat } from '../../shared/dossier';
import { buildFile, dossierOf } from '../../electron/core/export/index';
import { Project } from '../../electron/core/store/project';
import { buildExportProject, FULL_SIZE, type ExportFixtureSize } from './fixture';

export interface ExportBudget {
  kind: 'max';
  on: 'median';
  limit: number;
}

export interface ExportRow {
  caseId: 'export';
  metric: string;
  unit: 'ms';
  samples: number[];
  /** This process's CPU time (user + system) per sample: steadier than wall time on a shared machine; Chromium's own CPU is not in it. */
  cpu?: number[] | undefined;
  budget?: ExportBudget | undefined;
  note?: string | undefined;
}

export interface ExportCaseContext {
  runs: number;
  workDir: string;
  log(message: string): void;
  /** Formats to time (all when absent). */
  formats?: readonly ExportFormat[];
  size?: ExportFixtureSize;
  /** Where to leave one file per format for a look (none when absent). */
  keepDir?: string | null;
  /** A project file to reuse: generated there when missing, opened as it is when present (for repeated profiling). */
  projectFile?: string | null;
}

/** Issue 6's budgets, in milliseconds. */
export const EXPORT_BUDGET_MS: Record<ExportFormat, number> = { json: 1_000, md: 1_000, html: 1_000, csv: 1_000, docx: 5_000, pdf: 15_000 };

const OPTIONS: DossierOptions = { notes: true, untagged: true, order: 'date', language: 'en', bom: false, memos: [], descriptions: false, graph: false };

export async function runExportCase(ctx: ExportCaseContext): Promise<ExportRow[]> {
  const size = ctx.size ?? FULL_SIZE;
  const t0 = performance.now();
  let file = ctx.projectFile ?? null;
  if (!file || !fs.existsSync(file)) {
    const fx = buildExportProject(fs.mkdtempSync(path.join(ctx.workDir, 'export-')), size);
    ctx.log(`export: ${fx.documents} documents, ${fx.claims} claims, ${fx.links} links, ${fx.notes} notes generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (file) fs.copyFileSync(fx.file, file);
    file = fx.file;
  }
  const formats = ctx.formats ?? EXPORT_FORMATS;
  const project = Project.open(file);
  const fx = { documents: project.documents.list().length, claims: project.annotations.list().length };
  const exportCtx = { author: 'Bench', generator: 'Crossread bench', now: new Date('2026-01-15T12:00:00Z') };
  try {
    const build: number[] = [];
    const times = new Map<ExportFormat, number[]>(formats.map((f) => [f, []]));
    const cpu = new Map<ExportFormat, number[]>(formats.map((f) => [f, []]));
    // Run -1 warms the JIT, the SQLite page cache and Chromium's files; it is not counted.
    for (let run = -1; run < ctx.runs; run++) {
      let b = performance.now();
      dossierOf(project, OPTIONS, exportCtx);
      b = performance.now() - b;
      if (run >= 0) build.push(b);
      // Rotated so that no format always runs right after the heaviest one (GC debt, a hot cache).
      const order = formats.map((_, i) => formats[(i + Math.max(run, 0)) % formats.length]!);
      for (const format of order) {
        const c = process.cpuUsage();
        const s = performance.now();
        const file = await buildFile(project, format, OPTIONS, exportCtx);
        const ms = performance.now() - s;
        const used = process.cpuUsage(c);
        if (run < 0) {
          if (ctx.keepDir) fs.writeFileSync(path.join(ctx.keepDir, `export-bench.${format}`), file.data);
          ctx.log(`export: ${format} ${(file.data.length / 1e6).toFixed(1)} MB (warm-up ${ms.toFixed(0)} ms)`);
          continue;
        }
        times.get(format)!.push(ms);
        cpu.get(format)!.push((used.user + used.system) / 1000);
        ctx.log(`export: run ${run + 1} ${format} ${ms.toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms)`);
      }
    }
    const scale = `${fx.claims.toLocaleString('en')} claims, ${fx.documents} documents`;
    return [
      { caseId: 'export', metric: `dossier model (${scale})`, unit: 'ms', samples: build, note: 'snapshot of the project + buildDossier, part of every format below' },
      ...formats.map(
        (f): ExportRow => ({
          caseId: 'export',
          metric: `${f.toUpperCase()} (${scale})`,
          unit: 'ms',
          samples: times.get(f)!,
          cpu: cpu.get(f)!,
          budget: { kind: 'max', on: 'median', limit: EXPORT_BUDGET_MS[f] },
          note: f === 'pdf' ? 'HTML printed by headless Chromium (printHtmlToPdf), start to PDF bytes' : 'buildFile: project snapshot, dossier and the rendered file bytes',
        }),
      ),
    ];
  } finally {
    project.close();
  }
}

/** As a case of `npm run bench` (listed in bench/cases/index.ts; `npm run bench -- export`). */
export const exportCase = {
  id: 'export',
  title: 'Export a dossier of 10,000 claims over 100 documents',
  run: (ctx: { runs: number; workDir: string; log(message: string): void }) => runExportCase(ctx),
};
