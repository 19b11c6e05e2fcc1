/** Set-up for the sharing tests: analysts with their own app folder and project, files between them. */
import Database from 'better-sqlite3';
import type { Backend } from '../../../electron/core/backend';
import type { SharePreview } from '../../../shared/share';
import { withProject } from '../core/helpers';

export interface Analyst {
  name: string;
  backend: Backend;
  projectPath: string;
  home: string;
}

export async function analyst(name: string): Promise<Analyst> {
  const { backend, projectPath, home } = await withProject(`${name} project`);
  await backend.call('settings.update', { author: name });
  return { name, backend, projectPath, home };
}

export function asFile(name: string, content: string | Buffer) {
  return { name, dataBase64: Buffer.from(content).toString('base64') };
}

export async function exportFrom(a: Analyst, embedText = false): Promise<string> {
  return (await a.backend.call('share.export', { embedText })).content;
}

export async function importInto(a: Analyst, name: string, content: string | Buffer, dryRun = false): Promise<SharePreview> {
  return a.backend.call('share.import', { file: asFile(name, content), dryRun });
}

/** Every row of the tables a merge may touch, to prove that something changed nothing. */
export function allRows(projectPath: string): Record<string, unknown[]> {
  const db = new Database(projectPath, { readonly: true });
  try {
    const tables = ['documents', 'tags', 'annotations', 'annotation_tags', 'links', 'relation_types', 'notes', 'orphans', 'merge_conflicts', 'annotation_anchors', 'share_bases', 'project_meta', 'attributes', 'attribute_values', 'undo_steps', 'undo_log', 'search_segments'];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

/** A W3C annotation file of claims quoting `exact` with the given context, none of them anchored yet. */
export function quotesFile(count: number, quote: (i: number) => { exact: string; prefix: string; suffix: string }): string {
  const items = Array.from({ length: count }, (_, i) => ({
    id: `urn:uuid:${(0x10000000 + i).toString(16)}-0000-4000-8000-000000000000`,
    type: 'Annotation',
    motivation: 'highlighting',
    target: { source: 'https://example.org/elsewhere', selector: { type: 'TextQuoteSelector', ...quote(i) } },
  }));
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items });
}
