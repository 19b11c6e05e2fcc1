import fs from 'node:fs';
import path from 'node:path';
import { exportText } from '../../electron/core/share/export';
import { importShared } from '../../electron/core/share/service';
import { Project } from '../../electron/core/store/project';
import { buildReanchorPair, buildSharePair, REANCHOR_CLAIMS, REANCHOR_LENGTH } from '../lib/share-fixtures';
import type { BenchCase, BenchContext, Row } from '../types';

/** A project file copied for one run, so every run starts from the same state. */
function copyOf(ctx: BenchContext, file: string, run: number): string {
  const to = path.join(ctx.workDir, `${path.basename(file, '.crossread')}-run${run}.crossread`);
  fs.copyFileSync(file, to);
  return to;
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Case 7: exchanging annotation files between two analysts. */
export const shareCase: BenchCase = {
  id: 'share',
  title: 'Share: export and import-merge 10,000 claims; re-anchor 1,000 claims on a corrected 1 MB copy',
  async run(ctx) {
    const dir = fs.mkdtempSync(path.join(ctx.workDir, 'share-'));
    ctx.log('share: building the two projects (10,000 claims) and the 1 MB report');
    const pair = buildSharePair(dir);
    const report = buildReanchorPair(dir);
    // The files as the colleague sent them (exported once; exports are byte-identical anyway).
    const fileA = Buffer.from(withProject(pair.a, (p) => exportText(p)));
    const fileReport = Buffer.from(withProject(report.source, (p) => exportText(p)));

    const exports: number[] = [];
    const previews: number[] = [];
    const merges: number[] = [];
    const reanchors: number[] = [];
    let mergeNote = '';
    let reanchorNote = '';
    // Run -1 warms the JIT and the file system cache and is not counted.
    for (let run = -1; run < ctx.runs; run++) {
      // Export as the app does: the file's text, with the merge bases recorded.
      const ex = withProject(copyOf(ctx, pair.a, run), (p) => timed(() => exportText(p, { recordBases: true })));
      const preview = withProject(copyOf(ctx, pair.b, run), (p) => timed(() => importShared(p, fileA, 'aliya.crossread.json', true)));
      const merge = withProject(copyOf(ctx, pair.b, run), (p) => timed(() => importShared(p, fileA, 'aliya.crossread.json', false)));
      const anchor = withProject(copyOf(ctx, report.target, run), (p) => timed(() => importShared(p, fileReport, 'report.crossread.json', false)));
      if (run < 0) continue;
      exports.push(ex.ms);
      previews.push(preview.ms);
      merges.push(merge.ms);
      reanchors.push(anchor.ms);
      const c = merge.value.claims;
      mergeNote = `${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.conflicts} conflicts, ${c.orphans} orphans; links ${merge.value.links.new} new`;
      const r = anchor.value.claims;
      reanchorNote = `${r.new - r.reanchored} exact, ${r.reanchored} re-anchored (fuzzy), ${r.orphans} orphans`;
      ctx.log(
        `share: export ${ex.ms.toFixed(0)} ms (${(ex.value.length / 1e6).toFixed(1)} MB), preview ${preview.ms.toFixed(0)} ms, ` +
          `import-merge ${merge.ms.toFixed(0)} ms (${mergeNote}), re-anchor ${anchor.ms.toFixed(0)} ms (${reanchorNote})`,
      );
    }
    const rows: Row[] = [
      {
        caseId: 'share',
        metric: 'export 10,000 claims',
        unit: 'ms',
        samples: exports,
        budget: { kind: 'max', on: 'median', limit: 2000 },
        note: 'share.export: the AnnotationCollection of 10,000 claims (tags, 3,334 notes), 2,000 links, as text, merge bases recorded',
      },
      {
        caseId: 'share',
        metric: 'import preview 10,000 claims',
        unit: 'ms',
        samples: previews,
        budget: { kind: 'max', on: 'median', limit: 2000 },
        note: 'share.import --dry-run: read, validate and merge the file into a project holding half of it, rolled back',
      },
      {
        caseId: 'share',
        metric: 'import-merge 10,000 claims',
        unit: 'ms',
        samples: merges,
        budget: { kind: 'max', on: 'median', limit: 2000 },
        note: `share.import into a project holding half of the claims: ${mergeNote}`,
      },
      {
        caseId: 'share',
        metric: `re-anchor ${REANCHOR_CLAIMS.toLocaleString('en')} claims, ${REANCHOR_LENGTH / 1e6} M chars`,
        unit: 'ms',
        samples: reanchors,
        budget: { kind: 'max', on: 'median', limit: 1000 },
        note: `share.import onto a corrected copy (other line breaks, edited words; other content hash): ${reanchorNote}`,
      },
    ];
    return rows;
  },
};

function withProject<T>(file: string, fn: (p: Project) => T): T {
  const project = Project.open(file);
  try {
    return fn(project);
  } finally {
    project.close();
  }
}
