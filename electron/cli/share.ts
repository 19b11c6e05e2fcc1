/**
 * `crossread share export|import`: annotation files from the command line, on the same core as
 * the app. Options are parsed here, so the share command's options stay out of the other commands.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ShareCounts, SharePreview } from '../../shared/share';
import type { Backend } from '../core/backend';
import { terminalSafe } from './format';

export const SHARE_USAGE = `  share export --project P --out FILE [--embed-text]
                                        Write the claims, links, tags and notes as a W3C
                                        Web Annotation file (--embed-text: with the texts)
  share import --project P FILE [--dry-run] [--json]
                                        Merge a colleague's file (or a W3C / Hypothesis
                                        export); --dry-run only shows the preview`;

export class ShareUsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        project: { type: 'string', short: 'p' },
        out: { type: 'string', short: 'o' },
        'embed-text': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new ShareUsageError((err as Error).message);
  }
}

const OTHER_LABEL: Record<keyof SharePreview['other'], string> = {
  notes: 'notes',
  tags: 'tags',
  relations: 'link types',
  documents: 'document details',
  summary: 'dossier summary',
};

function counts(c: ShareCounts): string {
  const parts = [`${c.new} new`, `${c.updated} updated`, `${c.conflicts} conflicts`, `${c.orphans} orphans`, `${c.deleted} deleted`, `${c.unchanged} unchanged`];
  if (c.reanchored > 0) parts.push(`${c.reanchored} re-anchored`);
  return parts.join(', ');
}

function previewLines(p: SharePreview): string {
  const lines = [
    `${p.applied ? 'Imported' : 'Preview of'} ${p.fileName} (${p.kind})${p.applied && !p.changed ? ': nothing changed' : ''}`,
    `claims: ${counts(p.claims)}`,
    `links:  ${counts(p.links)}`,
  ];
  for (const [kind, c] of Object.entries(p.other)) {
    if (c.new + c.updated + c.conflicts + c.deleted > 0) lines.push(`${OTHER_LABEL[kind as keyof SharePreview['other']]}: ${counts(c)}`);
  }
  const recorded = Object.entries(p.recorded).filter(([, n]) => n > 0);
  lines.push(`conflicts ${p.applied ? 'recorded' : 'to record'}: ${recorded.reduce((sum, [, n]) => sum + n, 0)}${recorded.length ? ` (${recorded.map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}`);
  if (p.anchorLimited > 0) lines.push(`claims searched only in part (the file's allowance of work ran out): ${p.anchorLimited}`);
  if (p.documentsCreated > 0) lines.push(`documents created from embedded texts: ${p.documentsCreated}`);
  if (p.tagsCreated > 0) lines.push(`tags created: ${p.tagsCreated}`);
  lines.push('by document:');
  for (const d of p.byDocument) lines.push(`  ${d.title}: ${counts(d.counts)}`);
  lines.push('by author:');
  for (const a of p.byAuthor) lines.push(`  ${a.author}: ${counts(a.counts)}`);
  if (p.skippedTotal > 0) {
    lines.push(`not imported (${p.skippedTotal}):`);
    for (const s of p.skipped) lines.push(`  ${s.path}: ${s.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

export const formatPreview = terminalSafe(previewLines);
const formatJson = terminalSafe((value: unknown) => `${JSON.stringify(value, null, 2)}\n`);

/** Runs `crossread share …`; `open` opens the project's backend (the caller owns its options). */
export async function shareCommand(argv: string[], open: (projectPath: string) => Backend): Promise<number> {
  const { values, positionals } = parse(argv);
  const [sub, ...rest] = positionals;
  if (!values.project) throw new ShareUsageError('--project P is required.');
  const projectPath = path.resolve(values.project);
  if (!fs.existsSync(projectPath)) throw new ShareUsageError(`the project ${values.project} does not exist.`);
  if (sub === 'export') {
    if (rest.length > 0) throw new ShareUsageError(`unexpected argument “${rest[0]}”.`);
    if (!values.out) throw new ShareUsageError('share export needs --out FILE.');
    const backend = open(projectPath);
    try {
      const { path: written } = await backend.call('share.exportTo', { path: path.resolve(values.out), embedText: values['embed-text'] ?? false });
      process.stderr.write(`Wrote ${written}\n`);
      return 0;
    } finally {
      backend.close();
    }
  }
  if (sub === 'import') {
    if (rest.length !== 1) throw new ShareUsageError('share import needs exactly one FILE.');
    const backend = open(projectPath);
    try {
      const preview = await backend.call('share.import', { path: path.resolve(rest[0]!), dryRun: values['dry-run'] ?? false });
      process.stdout.write(values.json ? formatJson(preview) : formatPreview(preview));
      return 0;
    } finally {
      backend.close();
    }
  }
  throw new ShareUsageError(sub === undefined ? 'share needs export or import.' : `unknown share command “${sub}”.`);
}
