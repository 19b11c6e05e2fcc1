import type { Annotation, DocumentMeta, Link, MemoHit, RelationType, SearchHit, Tag } from '../../shared/contract';
import { escapeHidden } from '../../shared/names';
import type { CodebookField, RecordHit } from '../../shared/search-records';

/**
 * What the CLI prints comes from documents and colleagues' files: control characters (ESC starts
 * terminal sequences) and direction marks are shown as escapes, never sent to the terminal.
 */
export const terminalSafe =
  <A extends unknown[]>(format: (...args: A) => string) =>
  (...args: A): string =>
    escapeHidden(format(...args), true);

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function formatDocumentsLines(docs: DocumentMeta[], asJson: boolean): string {
  if (asJson) {
    return json(
      docs.map((d) => ({ id: d.id, title: d.title, outlet: d.outlet, author: d.author, date: d.date, language: d.language, format: d.format, hash: d.hash, length: d.length })),
    );
  }
  if (docs.length === 0) return 'No documents.\n';
  return docs.map((d) => `${d.id}  ${d.date ?? '----------'}  ${d.outlet || '-'}  ${d.title}  (${d.length} chars)\n`).join('');
}

function formatAnnotationsLines(annotations: Annotation[], tags: Tag[], asJson: boolean): string {
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

function formatTagsLines(tags: Tag[], asJson: boolean): string {
  if (asJson) return json(tags.map((t) => ({ id: t.id, name: t.name, color: t.color })));
  return tags.map((t) => `${t.id}  ${t.color}  ${t.name}\n`).join('');
}

/** A quote shortened for one line. */
const excerpt = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function formatLinksLines(links: Link[], claims: Annotation[], relations: RelationType[], asJson: boolean): string {
  const quotes = new Map(claims.map((a) => [a.id, a.exact]));
  const names = new Map(relations.map((r) => [r.id, r.name]));
  const rows = links.map((l) => ({
    id: l.id,
    from: l.fromId,
    to: l.toId,
    fromQuote: excerpt(quotes.get(l.fromId) ?? '', 200),
    toQuote: excerpt(quotes.get(l.toId) ?? '', 200),
    relation: names.get(l.relationId) ?? l.relationId,
    note: l.noteText,
    author: l.author,
    created: l.createdAt,
    modified: l.modifiedAt,
  }));
  if (asJson) return json(rows);
  if (rows.length === 0) return 'No links.\n';
  return rows
    .map((r) => `${r.id}  «${excerpt(r.fromQuote, 60)}» ${r.relation} «${excerpt(r.toQuote, 60)}»${r.note ? `  — ${excerpt(r.note, 80)}` : ''}\n`)
    .join('');
}

function formatSearchLines(result: { hits: SearchHit[]; total: number; memos?: MemoHit[]; records?: RecordHit[] }, docs: DocumentMeta[], asJson: boolean): string {
  const titles = new Map(docs.map((d) => [d.id, d.title]));
  const rows = result.hits.map((h) => ({
    kind: h.kind,
    documentId: h.documentId,
    document: titles.get(h.documentId) ?? '',
    annotationId: h.annotationId,
    linkId: h.linkId,
    paragraph: h.paragraph,
    start: h.start,
    end: h.end,
    match: h.match,
    context: `${h.before}${h.match}${h.after}`,
  }));
  const memos = (result.memos ?? []).map((h) => ({
    kind: h.owner.kind,
    id: h.owner.kind === 'project' ? null : h.owner.id,
    owner: h.owner.kind === 'project' ? null : h.ownerName,
    start: h.start,
    end: h.end,
    match: h.match,
    context: `${h.before}${h.match}${h.after}`,
  }));
  const records = (result.records ?? []).map((h) => ({ ...h, context: `${h.before}${h.match}${h.after}` }));
  if (asJson) return json({ total: result.total, hits: rows, memos, records });
  if (rows.length === 0 && memos.length === 0 && records.length === 0) return 'No hits.\n';
  const documentLines = result.hits.map((h) => {
    const where = `${titles.get(h.documentId) ?? h.documentId} ¶${h.paragraph}${h.kind === 'note' ? ' (note)' : ''}`;
    return `${where}: …${flat(h.before)}[${flat(h.match)}]${flat(h.after)}…\n`;
  });
  const memoLines = (result.memos ?? []).map((h) => {
    const where = h.owner.kind === 'project' ? 'Project memo' : `Memo on ${h.owner.kind === 'tag' ? 'tag ' : ''}“${h.ownerName}”`;
    return `${where}: …${flat(h.before)}[${flat(h.match)}]${flat(h.after)}…\n`;
  });
  const recordLines = records.map((h) => {
    const where = h.kind === 'attribute' ? `${h.attributeName} of “${h.documentTitle}”` : `Codebook of tag “${h.tagName}” (${CODEBOOK_LABELS[h.field]})`;
    return `${where}: …${flat(h.before)}[${flat(h.match)}]${flat(h.after)}…\n`;
  });
  return [...documentLines, ...memoLines, ...recordLines].join('');
}

const CODEBOOK_LABELS: Record<CodebookField, string> = { definition: 'definition', useWhen: 'use when', avoidWhen: 'do not use when', example: 'example' };

const flat = (s: string) => s.replace(/\s+/g, ' ');

export const formatDocuments = terminalSafe(formatDocumentsLines);
export const formatAnnotations = terminalSafe(formatAnnotationsLines);
export const formatTags = terminalSafe(formatTagsLines);
export const formatLinks = terminalSafe(formatLinksLines);
export const formatSearch = terminalSafe(formatSearchLines);
