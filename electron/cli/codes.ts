/**
 * The code system on the command line: `crossread tags --tree` prints the tags as a tree with
 * their claim counts, and `crossread codebook` writes the codebook file (written whole or not at all).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CodebookFormat, type Tag } from '../../shared/contract';
import { DossierLanguage } from '../../shared/dossier';
import { tagTree } from '../../shared/tag-tree';
import type { Backend } from '../core/backend';
import { codebookFile } from '../core/codebook/index';
import { writeFileAtomic } from '../core/export/index';

export const CODES_USAGE = `  tags --project P --tree [--json]     Show the tags as a tree (parents with their subtags) and their claims
  codebook --project P --format html|docx|md|csv|qdc --out FILE [--lang en|ru]
                                        Write the codebook: each tag's definition, when to use it, when not, an example
                                        (qdc: the REFI-QDA codebook other QDA tools import)`;

export class CodesUsageError extends Error {}

/** "economic (2 claims)" lines indented two spaces per level; as JSON, nested objects. */
export function formatTagTree(tags: readonly Tag[], asJson: boolean): string {
  const rows = tagTree(tags);
  if (asJson) {
    type Node = { id: string; name: string; color: string; claims: number; definition: string; children: Node[] };
    const nodes = new Map<string, Node>();
    const roots: Node[] = [];
    for (const row of rows) {
      const node: Node = { id: row.tag.id, name: row.tag.name, color: row.tag.color, claims: row.tag.claims, definition: row.tag.definition, children: [] };
      nodes.set(node.id, node);
      const parent = row.depth > 0 && row.tag.parentId ? nodes.get(row.tag.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return `${JSON.stringify(roots, null, 2)}\n`;
  }
  return rows.map((r) => `${'  '.repeat(r.depth)}${r.tag.name} (${r.tag.claims} ${r.tag.claims === 1 ? 'claim' : 'claims'})  ${r.tag.id}\n`).join('');
}

export async function codebookCommand(argv: string[], openBackend: (project: string) => Backend): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { project: { type: 'string', short: 'p' }, format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' } },
    }));
  } catch (err) {
    throw new CodesUsageError((err as Error).message);
  }
  if (!values.project) throw new CodesUsageError('--project P is required.');
  const format = CodebookFormat.safeParse(values.format);
  if (!format.success) throw new CodesUsageError(`--format must be one of ${CodebookFormat.options.join(', ')}.`);
  if (!values.out) throw new CodesUsageError('--out FILE is required.');
  const language = DossierLanguage.safeParse(values.lang ?? 'en');
  if (!language.success) throw new CodesUsageError('--lang must be en or ru.');
  const backend = openBackend(path.resolve(values.project));
  try {
    const file = await codebookFile(backend.project()!, format.data, language.data);
    const out = path.resolve(values.out);
    writeFileAtomic(out, file.data);
    process.stdout.write(`wrote ${out} (${file.data.length} bytes)\n`);
    return 0;
  } finally {
    backend.close();
  }
}
