/**
 * `crossread export`: writes the dossier of a project in one format. Usage errors (an unknown
 * format, tag or source, a missing option) exit with 2 before anything is written; the output
 * file is written whole or not at all (temp file + rename).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DossierOptions, EXPORT_FORMATS, ExportFormat } from '../../shared/dossier';
import type { MemoSummary, Tag } from '../../shared/contract';
import type { Backend } from '../core/backend';
import { buildFile, writeFileAtomic } from '../core/export/index';

export const EXPORT_USAGE = `  export --project P --format F --out FILE [--tags a,b] [--sources id,id] [--no-notes] [--descriptions]
         [--lang en|ru] [--order date|document] [--title T] [--analyst A] [--bom]
         [--memos all|project,tag:NAME,document:ID]
                                        Export the dossier (F: ${EXPORT_FORMATS.join(', ')}); PDF uses Chromium`;

class ExportUsageError extends Error {}

const split = (s: string | undefined) =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

/** Runs the command; returns the exit code (2 for usage errors, which it reports itself). */
export async function exportCommand(argv: string[], openBackend: (project: string) => Backend): Promise<number> {
  try {
    return await run(argv, openBackend);
  } catch (err) {
    if (!(err instanceof ExportUsageError)) throw err;
    process.stderr.write(`crossread export: ${err.message}\n\nUsage:\n${EXPORT_USAGE}\n`);
    return 2;
  }
}

async function run(argv: string[], openBackend: (project: string) => Backend): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        project: { type: 'string', short: 'p' },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        tags: { type: 'string' },
        sources: { type: 'string' },
        'no-notes': { type: 'boolean' },
        descriptions: { type: 'boolean' },
        lang: { type: 'string' },
        order: { type: 'string' },
        title: { type: 'string' },
        analyst: { type: 'string' },
        bom: { type: 'boolean' },
        memos: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new ExportUsageError((err as Error).message);
  }
  if (!values.project) throw new ExportUsageError('--project P is required.');
  if (!values.out) throw new ExportUsageError('--out FILE is required.');
  const format = ExportFormat.safeParse(values.format);
  if (!format.success) throw new ExportUsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${values.format ? ` (not “${values.format}”)` : ''}.`);
  const options = DossierOptions.safeParse({
    notes: !values['no-notes'],
    language: values.lang ?? 'en',
    order: values.order ?? 'date',
    bom: values.bom ?? false,
    descriptions: values.descriptions ?? false,
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.analyst !== undefined ? { analyst: values.analyst } : {}),
  });
  if (!options.success) {
    const issue = options.error.issues[0];
    throw new ExportUsageError(`--${issue?.path[0] === 'language' ? 'lang' : String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid value'}.`);
  }
  const projectPath = path.resolve(values.project);
  if (!fs.existsSync(projectPath)) throw new ExportUsageError(`no project at ${projectPath}.`);
  const out = path.resolve(values.out);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new ExportUsageError(`--out ${out} is a folder; give a file name.`);

  const backend = openBackend(projectPath);
  try {
    const project = backend.project()!;
    const opts = options.data;
    const tagNames = split(values.tags);
    if (tagNames) {
      const tags = project.tags.list();
      opts.tagIds = tagNames.map((name) => {
        const tag = tags.find((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase());
        if (!tag) throw new ExportUsageError(`unknown tag “${name}”. The project's tags: ${tags.map((t) => t.name).join(', ')}.`);
        return tag.id;
      });
      opts.untagged = false;
    }
    const sourceIds = split(values.sources);
    if (sourceIds) {
      const docs = project.documents.list();
      opts.sourceIds = sourceIds.map((id) => {
        if (!docs.some((d) => d.id === id)) throw new ExportUsageError(`unknown source id “${id}”. Run 'crossread documents --project P' for the ids.`);
        return id;
      });
    }
    const memoNames = split(values.memos);
    if (memoNames) opts.memos = chooseMemos(memoNames, await backend.call('memos.list', {}), project.tags.list());
    const call = await backend.call('app.info', {});
    const author = (await backend.call('settings.get', {})).author;
    const file = await buildFile(project, format.data, opts, { author, generator: `Crossread ${call.version}` });
    writeFileAtomic(out, file.data);
    process.stdout.write(`Wrote ${out} (${format.data.toUpperCase()}, ${file.data.length} bytes): ${file.dossier.scope.claims} claims from ${file.dossier.scope.sources} sources.\n`);
    return 0;
  } finally {
    backend.close();
  }
}

/**
 * The memos `--memos` names: `all`, `project`, `tag:NAME` (or `tag:ID`), `document:ID`. Naming a
 * memo that was never written is a usage error, so a typo never silently leaves one out.
 */
function chooseMemos(names: string[], memos: MemoSummary[], tags: Tag[]): string[] {
  const written = new Set(memos.map((m) => (m.owner.kind === 'project' ? 'project' : `${m.owner.kind}:${m.owner.id}`)));
  if (names.includes('all')) return [...written];
  return names.map((name) => {
    const [kind, ...rest] = name.split(':');
    const value = rest.join(':');
    let ref = name;
    if (kind === 'tag') {
      const tag = tags.find((t) => t.id === value || t.name.toLocaleLowerCase() === value.toLocaleLowerCase());
      ref = `tag:${tag?.id ?? value}`;
    } else if (kind !== 'project' && kind !== 'document') {
      throw new ExportUsageError(`--memos: “${name}” is not all, project, tag:NAME or document:ID.`);
    }
    if (!written.has(ref)) throw new ExportUsageError(`--memos: there is no memo “${name}”. Run 'crossread memos --project P' to see them.`);
    return ref;
  });
}
