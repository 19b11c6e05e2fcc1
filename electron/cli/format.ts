import type { Annotation, DocumentMeta, Tag } from '../../shared/contract';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function formatDocuments(docs: DocumentMeta[], asJson: boolean): string {
  if (asJson) {
    return json(
      docs.map((d) => ({ id: d.id, title: d.title, outlet: d.outlet, author: d.author, date: d.date, language: d.language, hash: d.hash, length: d.length })),
    );
  }
  if (docs.length === 0) return 'No documents.\n';
  return docs.map((d) => `${d.id}  ${d.date ?? '----------'}  ${d.outlet || '-'}  ${d.title}  (${d.length} chars)\n`).join('');
}

export function formatAnnotations(annotations: Annotation[], tags: Tag[], asJson: boolean): string {
  const names = new Map(tags.map((t) => [t.id, t.name]));
  const rows = annotations.map((a) => ({
    id: a.id,
    documentId: a.documentId,
    start: a.start,
    end: a.end,
    exact: a.exact,
    tags: a.tagIds.map((id) => names.get(id) ?? id),
    author: a.author,
    created: a.createdAt,
    modified: a.modifiedAt,
  }));
  if (asJson) return json(rows);
  if (rows.length === 0) return 'No claims.\n';
  return rows
    .map((r) => `${r.id}  [${r.tags.join(', ')}]  ${r.start}-${r.end}  «${r.exact.replace(/\s+/g, ' ').slice(0, 100)}»\n`)
    .join('');
}

export function formatTags(tags: Tag[], asJson: boolean): string {
  if (asJson) return json(tags.map((t) => ({ id: t.id, name: t.name, color: t.color })));
  return tags.map((t) => `${t.id}  ${t.color}  ${t.name}\n`).join('');
}
