/**
 * `crossread refi export|import`: REFI-QDA projects (.qdpx) from the command line, on the same core
 * as the app. Its options and its usage errors are handled here, so they stay out of the other commands.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RefiCount, RefiPreview } from '../../shared/refi';
import type { Backend } from '../core/backend';
import { terminalSafe } from './format';

export const REFI_USAGE = `  refi export --project P --out FILE.qdpx
                                        Write the project as a REFI-QDA project for ATLAS.ti,
                                        MAXQDA, NVivo, QualCoder…
  refi import --project P FILE.qdpx [--dry-run] [--json]
                                        Add a REFI-QDA project's sources, codes, codings, notes,
                                        links and variables; --dry-run only shows the preview`;

class RefiUsageError extends Error {}

const KINDS: [keyof RefiPreview, string][] = [
  ['documents', 'documents'],
  ['claims', 'claims'],
  ['tags', 'tags'],
  ['notes', 'notes and memos'],
  ['links', 'links'],
  ['attributes', 'attributes'],
  ['values', 'attribute values'],
  ['sets', 'sets (document groups)'],
];

function previewLines(p: RefiPreview): string {
  const lines = [`${p.applied ? 'Imported' : 'Preview of'} ${p.fileName} (REFI-QDA project “${p.project}”, positions in ${p.positions === 'utf-16' ? 'UTF-16 code units' : 'code points'})`];
  for (const [key, label] of KINDS) {
    const c = p[key] as RefiCount;
    lines.push(`${label}: ${c.new} new, ${c.unchanged} already here`);
  }
  lines.push(`authors in the file: ${p.authors}`);
  if (p.skipped.length) {
    lines.push(`not imported (${p.skipped.length}):`);
    for (const s of p.skipped) lines.push(`  ${s.kind}${s.name ? ` “${s.name}”` : ''}: ${s.why}`);
  }
  return `${lines.join('\n')}\n`;
}

const formatPreview = terminalSafe(previewLines);
const formatJson = terminalSafe((value: unknown) => `${JSON.stringify(value, null, 2)}\n`);

async function run(argv: string[], open: (projectPath: string) => Backend): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { project: { type: 'string', short: 'p' }, out: { type: 'string', short: 'o' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
  } catch (err) {
    throw new RefiUsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const [sub, ...rest] = positionals;
  if (sub !== 'export' && sub !== 'import') throw new RefiUsageError(sub === undefined ? 'refi needs export or import.' : `unknown refi command “${sub}”.`);
  if (!values.project) throw new RefiUsageError('--project P is required.');
  const projectPath = path.resolve(values.project);
  if (!fs.existsSync(projectPath)) throw new RefiUsageError(`the project ${values.project} does not exist.`);
  if (sub === 'export') {
    if (rest.length > 0) throw new RefiUsageError(`unexpected argument “${rest[0]}”.`);
    if (!values.out) throw new RefiUsageError('refi export needs --out FILE.qdpx.');
  } else if (rest.length !== 1) {
    throw new RefiUsageError('refi import needs exactly one FILE.qdpx.');
  }
  const backend = open(projectPath);
  try {
    if (sub === 'export') {
      const written = await backend.call('refi.exportTo', { path: path.resolve(values.out!) });
      process.stderr.write(`Wrote ${written.path} (${written.bytes} bytes)\n`);
      return 0;
    }
    const preview = await backend.call('refi.import', { path: path.resolve(rest[0]!), dryRun: values['dry-run'] ?? false });
    process.stdout.write(values.json ? formatJson(preview) : formatPreview(preview));
    return 0;
  } finally {
    backend.close();
  }
}

/** Runs `crossread refi …`; a usage error is reported here (exit 2), like the other commands' ones. */
export async function refiCommand(argv: string[], open: (projectPath: string) => Backend): Promise<number> {
  try {
    return await run(argv, open);
  } catch (err) {
    if (!(err instanceof RefiUsageError)) throw err;
    process.stderr.write(`crossread: ${err.message}\n\nRun 'crossread --help' for usage.\n`);
    return 2;
  }
}
