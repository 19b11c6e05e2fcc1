/**
 * Writing a project as REFI-QDA (QDA-XML 1.0, the schemas of REFI-QDA 1.5 in resources/refi): a
 * `.qdpx` ZIP of `project.qde` and `sources/`, or the code system alone as a `.qdc` codebook.
 *
 * Mapping: authors → Users; the tag tree → CodeBook (colour, definition as Description); each
 * document → a TextSource whose plain text is `sources/<guid>.txt`; each claim → a
 * PlainTextSelection (positions in code points) with one Coding per tag; notes and memos → Notes
 * with NoteRefs from what they are about; links → Links between selections (the relation's name,
 * OneWay or Bidirectional); source attributes → Variables, with each document's values on its
 * TextSource and on a Case for the document; the groups that choice and yes/no attributes make → Sets.
 */
import JSZip from 'jszip';
import type { Attribute, AttributeValue } from '../../../shared/attributes';
import type { Annotation, DocumentMeta, Tag } from '../../../shared/contract';
import { tagTree } from '../../../shared/tag-tree';
import { AppError } from '../errors';
import type { Project } from '../store/project';
import { derivedGuid } from './guid';
import { CodePoints } from './positions';
import { el, textEl } from './xml';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
const ORIGIN = 'Crossread';

export const userGuid = (author: string) => derivedGuid('user', author);
export const codingGuid = (claimId: string, tagId: string) => derivedGuid('coding', claimId, tagId);
export const noteGuid = (kind: string, ownerId: string) => derivedGuid('note', kind, ownerId);
export const caseGuid = (documentId: string) => derivedGuid('case', documentId);
export const setGuid = (attributeId: string, value: string) => derivedGuid('set', attributeId, value);

/**
 * Document groups as Sets, the way other tools group sources: one set per value of a choice
 * attribute that some document has, named "<attribute>: <value>", and one set of the documents
 * where a yes/no attribute is yes, named after the attribute. import.ts reads both back.
 */
function groupSets(attributes: readonly Attribute[], values: readonly AttributeValue[], documentIds: ReadonlySet<string>): string[] {
  const members = new Map<string, string[]>();
  const key = (attributeId: string, value: string) => `${attributeId}\u0000${value}`;
  for (const v of values) if (documentIds.has(v.ownerId)) members.set(key(v.attributeId, v.value), [...(members.get(key(v.attributeId, v.value)) ?? []), v.ownerId]);
  const set = (a: Attribute, value: string, name: string) => {
    const docs = members.get(key(a.id, value));
    return docs ? [el('Set', { guid: setGuid(a.id, value), name }, docs.map((d) => el('MemberSource', { targetGUID: d })))] : [];
  };
  return attributes.flatMap((a) => (a.type === 'choice' ? a.choices.flatMap((c) => set(a, c, `${a.name}: ${c}`)) : a.type === 'boolean' ? set(a, 'yes', a.name) : []));
}

/** The codebook fields beyond the definition, written into the Description under these headings and read back by them. */
export const DESCRIPTION_PARTS = [
  ['useWhen', 'When to use:'],
  ['avoidWhen', 'When not to use:'],
  ['example', 'Example:'],
] as const;

function description(tag: Tag): string {
  const parts = [tag.definition.trim()];
  for (const [key, heading] of DESCRIPTION_PARTS) if (tag[key].trim()) parts.push(`${heading} ${tag[key].trim()}`);
  return parts.filter(Boolean).join('\n\n');
}

/** The code tree as nested Code elements; `noteRefs` gives a tag's memo reference, if any. */
function codes(tags: readonly Tag[], noteRefs: (tag: Tag) => string[]): string[] {
  const rows = tagTree(tags);
  const byParent = new Map<string | null, Tag[]>();
  const ids = new Set(tags.map((t) => t.id));
  for (const { tag } of rows) {
    const parent = tag.parentId !== null && ids.has(tag.parentId) ? tag.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), tag]);
  }
  const code = (t: Tag): string => {
    const d = description(t);
    return el('Code', { guid: t.id, name: t.name, isCodable: true, color: t.color }, [
      ...(d ? [textEl('Description', d)] : []),
      ...noteRefs(t),
      ...(byParent.get(t.id) ?? []).map(code),
    ]);
  };
  return (byParent.get(null) ?? []).map(code);
}

const VARIABLE_TYPE: Record<Attribute['type'], string> = { text: 'Text', number: 'Float', date: 'Date', boolean: 'Boolean', choice: 'Text' };
const DECIMAL = /^-?\d+(\.\d+)?$/;

function variableValue(attr: Attribute, value: string): string {
  const ref = el('VariableRef', { targetGUID: attr.id });
  if (attr.type === 'boolean') return el('VariableValue', {}, [ref, textEl('BooleanValue', value === 'yes' ? 'true' : 'false')]);
  if (attr.type === 'date') return el('VariableValue', {}, [ref, textEl('DateValue', value)]);
  // xsd:decimal has no exponent: a number Crossread keeps as 1e+21 goes as text rather than break the file.
  if (attr.type === 'number' && DECIMAL.test(value)) return el('VariableValue', {}, [ref, textEl('FloatValue', value)]);
  return el('VariableValue', {}, [ref, textEl('TextValue', value)]);
}

interface NoteRecord {
  kind: string;
  ownerId: string;
  text: string;
  author: string;
  createdAt: string;
}

/** Every non-empty note and memo whose owner is live. */
function liveNotes(project: Project): NoteRecord[] {
  const projectId = project.meta.get('project_id') ?? '';
  return (
    project.database
      .prepare(
        `SELECT n.owner_kind AS kind, n.owner_id AS ownerId, n.text, n.author, n.created_at AS createdAt FROM notes n
         WHERE n.text <> '' AND CASE n.owner_kind
           WHEN 'annotation' THEN EXISTS (SELECT 1 FROM annotations a WHERE a.id = n.owner_id AND a.deleted_at IS NULL)
           WHEN 'link' THEN EXISTS (SELECT 1 FROM links l WHERE l.id = n.owner_id AND l.deleted_at IS NULL)
           WHEN 'document' THEN EXISTS (SELECT 1 FROM documents d WHERE d.id = n.owner_id AND d.deleted_at IS NULL)
           WHEN 'tag' THEN EXISTS (SELECT 1 FROM tags t WHERE t.id = n.owner_id AND t.deleted_at IS NULL)
           WHEN 'project' THEN n.owner_id = ?
           ELSE 0 END
         ORDER BY n.created_at, n.owner_kind, n.owner_id`,
      )
      .all(projectId) as NoteRecord[]
  );
}

/** A document's details as the lines of its source's Description, read back by import.ts. */
export const DOCUMENT_FIELDS = [
  ['outlet', 'Outlet:'],
  ['author', 'Author:'],
  ['date', 'Date:'],
  ['language', 'Language:'],
] as const;

function documentDescription(d: DocumentMeta): string {
  return DOCUMENT_FIELDS.flatMap(([key, label]) => (d[key] ? [`${label} ${d[key]}`] : [])).join('\n');
}

/** The project's `project.qde` text and the plain texts of its sources, by file name inside `sources/`. */
export function projectXml(project: Project, now = new Date()): { xml: string; sources: Map<string, string> } {
  const documents = project.documents.list();
  const tags = project.tags.list();
  const claims = project.annotations.list();
  const links = project.links.list();
  const relations = new Map(project.relations.list().map((r) => [r.id, r]));
  const attributes = project.attributes.list();
  const attrById = new Map(attributes.map((a) => [a.id, a]));
  const values = project.attributes.values().filter((v) => v.ownerKind === 'document' && attrById.has(v.attributeId));
  const notes = liveNotes(project);

  const noteRefsOf = new Map<string, string[]>();
  for (const n of notes) noteRefsOf.set(`${n.kind}:${n.ownerId}`, [el('NoteRef', { targetGUID: noteGuid(n.kind, n.ownerId) })]);
  const refs = (kind: string, id: string) => noteRefsOf.get(`${kind}:${id}`) ?? [];

  const authors = [...new Set([...claims.map((c) => c.author), ...links.map((l) => l.author), ...notes.map((n) => n.author)].filter(Boolean))].sort();
  const user = (author: string) => (author ? userGuid(author) : undefined);

  const claimsOf = new Map<string, Annotation[]>();
  for (const c of claims) claimsOf.set(c.documentId, [...(claimsOf.get(c.documentId) ?? []), c]);
  const valuesOf = new Map<string, AttributeValue[]>();
  for (const v of values) valuesOf.set(v.ownerId, [...(valuesOf.get(v.ownerId) ?? []), v]);
  const valueEls = (docId: string) => (valuesOf.get(docId) ?? []).map((v) => variableValue(attrById.get(v.attributeId)!, v.value));

  const sources = new Map<string, string>();
  const sourceEls = documents.map((d) => {
    const text = project.documents.text(d.id);
    const cp = new CodePoints(text);
    sources.set(`${d.id}.txt`, text);
    const selections = (claimsOf.get(d.id) ?? []).map((c) =>
      el(
        'PlainTextSelection',
        {
          guid: c.id,
          name: c.exact.length > 80 ? `${c.exact.slice(0, 79)}…` : c.exact,
          startPosition: cp.toPoints(c.start),
          endPosition: cp.toPoints(c.end),
          creatingUser: user(c.author),
          creationDateTime: c.createdAt,
          modifyingUser: user(c.author),
          modifiedDateTime: c.modifiedAt,
        },
        [
          ...c.tagIds.map((t) => el('Coding', { guid: codingGuid(c.id, t), creatingUser: user(c.author), creationDateTime: c.modifiedAt }, [el('CodeRef', { targetGUID: t })])),
          ...refs('annotation', c.id),
        ],
      ),
    );
    const meta = documentDescription(d);
    return el(
      'TextSource',
      { guid: d.id, name: d.title || d.sourceName, plainTextPath: `internal://${d.id}.txt`, creationDateTime: d.createdAt, modifiedDateTime: d.modifiedAt },
      [...(meta ? [textEl('Description', meta)] : []), ...selections, ...refs('document', d.id), ...valueEls(d.id)],
    );
  });

  const projectId = project.meta.get('project_id') ?? '';
  const noteEls = notes.map((n) =>
    el('Note', { guid: noteGuid(n.kind, n.ownerId), name: n.text.split('\n', 1)[0]!.slice(0, 80), creatingUser: user(n.author), creationDateTime: n.createdAt }, [
      textEl('PlainTextContent', n.text),
    ]),
  );
  const linkEls = links.map((l) => {
    const r = relations.get(l.relationId);
    return el('Link', { guid: l.id, name: r?.name ?? 'link', direction: r?.symmetric ? 'Bidirectional' : 'OneWay', originGUID: l.fromId, targetGUID: l.toId }, refs('link', l.id));
  });
  const caseEls = documents
    .filter((d) => valuesOf.has(d.id))
    .map((d) => el('Case', { guid: caseGuid(d.id), name: d.title || d.sourceName }, [...valueEls(d.id), el('SourceRef', { targetGUID: d.id })]));
  const codeEls = codes(tags, (t) => refs('tag', t.id));
  const setEls = groupSets(attributes, values, new Set(documents.map((d) => d.id)));

  const body = [
    ...(authors.length ? [el('Users', {}, authors.map((a) => el('User', { guid: userGuid(a), name: a })))] : []),
    ...(codeEls.length ? [el('CodeBook', {}, [el('Codes', {}, codeEls)])] : []),
    ...(attributes.length
      ? [el('Variables', {}, attributes.map((a) => el('Variable', { guid: a.id, name: a.name, typeOfVariable: VARIABLE_TYPE[a.type] }, a.choices.length ? [textEl('Description', a.choices.join(' | '))] : [])))]
      : []),
    ...(caseEls.length ? [el('Cases', {}, caseEls)] : []),
    ...(sourceEls.length ? [el('Sources', {}, sourceEls)] : []),
    ...(noteEls.length ? [el('Notes', {}, noteEls)] : []),
    ...(linkEls.length ? [el('Links', {}, linkEls)] : []),
    ...(setEls.length ? [el('Sets', {}, setEls)] : []),
    ...(projectId ? refs('project', projectId) : []),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${el('Project', { xmlns: PROJECT_NS, name: project.info().name, origin: ORIGIN, creationDateTime: now.toISOString() }, body)}\n`;
  return { xml, sources };
}

/** The `.qdpx` file: `project.qde` and `sources/<guid>.txt` (UTF-8). */
export async function exportQdpx(project: Project, now = new Date()): Promise<Buffer> {
  const { xml, sources } = projectXml(project, now);
  const zip = new JSZip();
  const date = now;
  zip.file('project.qde', xml, { date });
  for (const [name, text] of sources) zip.file(`sources/${name}`, text, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The `.qdc` codebook: the code tree alone. */
export function exportQdc(project: Project): string {
  const codeEls = codes(project.tags.list(), () => []);
  // The standard's codebook holds at least one code.
  if (!codeEls.length) throw new AppError('bad-input', 'The project has no tags, and a REFI-QDA codebook needs at least one code.');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el('CodeBook', { xmlns: CODEBOOK_NS, origin: ORIGIN }, [el('Codes', {}, codeEls)])}\n`;
}
