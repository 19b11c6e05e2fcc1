import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AgreementReport, AgreementRow } from '../../shared/agreement-schema';
import { tagTree } from '../../shared/tag-tree';
import type { Backend } from '../core/backend';
import { agreementReport } from '../core/agreement/report';

export const AGREEMENT_USAGE = `  agreement --project P [--authors A,B] [--tags T,U] [--json]
                                        Intercoder agreement: percent agreement and Cohen's
                                        kappa per pair of authors (paragraphs, sentences) and
                                        Krippendorff's alpha, overall, per tag and per document`;

export class AgreementUsageError extends Error {}

const list = (s: string | undefined) =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const fig = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function rowLines(name: string, row: AgreementRow): string[] {
  const out = [`${name}${row.documents === 0 ? '  (no document coded by two of the authors)' : ''}`];
  for (const p of row.pairs) {
    out.push(`  ${p.a} – ${p.b}:  paragraphs ${pct(p.paragraph.agreement)} κ ${fig(p.paragraph.kappa)} (${p.paragraph.units} units)  ·  sentences ${pct(p.sentence.agreement)} κ ${fig(p.sentence.kappa)} (${p.sentence.units} units)`);
  }
  out.push(`  α (nominal):  paragraphs ${fig(row.alpha.paragraph)}  ·  sentences ${fig(row.alpha.sentence)}  ·  segments ${fig(row.alpha.segments)}`);
  return out;
}

const KINDS = { oneOnly: 'coded by one only', differentTags: 'different tags', extent: 'different extent' } as const;

/** The figures as a reader sees them in the Agreement view, in plain text. */
export function formatAgreement(r: AgreementReport): string {
  const lines = [`Authors: ${r.chosenAuthors.join(', ') || '—'}`, `Tags: ${r.tags.map((t) => t.name).join(', ') || '—'}`];
  if (r.chosenAuthors.length < 2) lines.push('', `Agreement needs claims by at least two authors; this project has ${r.authors.length === 1 ? 'one author' : `${r.authors.length} authors`}.`);
  else {
    lines.push('', ...rowLines('All tags and documents', r.overall), '', 'By tag:');
    for (const row of r.byTag) lines.push(...rowLines(`${row.label}`, row));
    lines.push('', 'By document:');
    for (const row of r.byDocument) lines.push(...rowLines(`${row.label}`, row));
    lines.push('', `Disagreements: ${r.disagreements.length}`);
    const tagName = (ids: string[]) => ids.map((id) => r.tags.find((t) => t.id === id)?.name ?? '').join(', ');
    const one = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const d of r.disagreements) {
      const doc = r.documents.find((x) => x.id === d.documentId)?.label ?? '';
      const side = (who: string, s: typeof d.left) => `${who}: ${s ? `“${one(s.exact)}” [${tagName(s.tagIds)}]` : '—'}`;
      lines.push(`  ${KINDS[d.kind]} in ${doc}`, `    ${side(d.a, d.left)}`, `    ${side(d.b, d.right)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function agreementCommand(argv: string[], openBackend: (project: string) => Backend): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { project: { type: 'string', short: 'p' }, authors: { type: 'string' }, tags: { type: 'string' }, json: { type: 'boolean' } },
    }));
  } catch (err) {
    throw new AgreementUsageError((err as Error).message);
  }
  if (!values.project) throw new AgreementUsageError('--project P is required.');
  const authors = list(values.authors);
  if (authors && authors.length < 2) throw new AgreementUsageError('--authors needs at least two names, separated by commas.');
  const backend = openBackend(path.resolve(values.project));
  try {
    const project = backend.project()!;
    const tagNames = list(values.tags);
    let tagIds: string[] | undefined;
    if (tagNames) {
      // A tag is named by its name, or by its path ("economic ▸ sanctions") when names repeat.
      const rows = tagTree(project.tags.list());
      tagIds = tagNames.map((name) => {
        const key = name.toLocaleLowerCase();
        const found = rows.filter((r) => r.path.toLocaleLowerCase() === key || r.tag.name.toLocaleLowerCase() === key);
        if (found.length !== 1) throw new AgreementUsageError(found.length === 0 ? `no tag is named “${name}”.` : `several tags are named “${name}”: give its path.`);
        return found[0]!.tag.id;
      });
    }
    const report = agreementReport(project, { authors, tagIds });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatAgreement(report));
    return 0;
  } finally {
    backend.close();
  }
}
