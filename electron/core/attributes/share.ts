/**
 * Source attributes in the annotation file: definitions and values under `cr:project`
 * (`attributes`, `attributeValues`), tombstones included so a deletion travels. Documents are named
 * by content hash and claims by id, like everywhere in the file. A colleague's value is checked
 * against this project's attribute exactly as a typed one is: a value of the wrong type or a choice
 * not in the list refuses the whole file, naming the place in it and echoing none of its content.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ATTRIBUTE_NAME_MAX, ATTRIBUTE_TYPES, CHOICE_MAX, CHOICES_MAX, canonicalValue, type Attribute } from '../../../shared/attributes';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import type { Project } from '../store/project';
import { decide, type Bases, type ItemKind } from '../share/bases';
import { DOC_URN_PREFIX, type SharedAttribute, type SharedAttributeValue, type SharedFile } from '../share/model';

const MAX_ATTRIBUTES = 500;
const MAX_VALUES = 200_000;
const Uuid = z.uuid('not a UUID');
const Time = z.string().max(40).refine((t) => !Number.isNaN(Date.parse(t)), 'not a date and time');

const FileAttributes = z.array(
  z.looseObject({
    id: Uuid,
    name: z.string().trim().min(1, 'an attribute needs a name').max(ATTRIBUTE_NAME_MAX),
    type: z.enum(ATTRIBUTE_TYPES, 'not an attribute type'),
    choices: z.array(z.string().trim().min(1).max(CHOICE_MAX)).max(CHOICES_MAX),
    builtin: z.enum(['reliability', 'credibility']).nullable(),
    position: z.number().int(),
    modified: Time,
    deleted: Time.nullable(),
  }),
).max(MAX_ATTRIBUTES);

const FileValues = z
  .array(
    z.looseObject({
      attribute: Uuid,
      target: z.string().max(200),
      value: z.string().max(1000),
      author: z.string().max(120),
      created: Time,
      modified: Time,
      deleted: Time.nullable(),
    }),
  )
  .max(MAX_VALUES);

const urn = (id: string) => `urn:uuid:${id}`;
const iso = (t: string) => new Date(Date.parse(t)).toISOString();

function fileError(fileName: string, where: string, why: string): AppError {
  return new AppError('bad-input', `${fileName} is not a usable annotation file: ${where}: ${why}`);
}

interface AttributeRow {
  id: string;
  name: string;
  type: Attribute['type'];
  choices: string;
  builtin: Attribute['builtin'];
  position: number;
  modified_at: string;
  deleted_at: string | null;
}

interface ValueRow {
  id: string;
  owner_kind: 'document' | 'annotation';
  owner_id: string;
  attribute_id: string;
  value: string;
  author: string;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
}

/** What `cr:project` carries of attributes, and the bases the export records. */
export function exportAttributes(db: Db): { attributes: unknown[]; attributeValues: unknown[]; bases: [ItemKind, string, string][] } {
  const attrs = db.prepare('SELECT id, name, type, choices, builtin, position, modified_at, deleted_at FROM attributes ORDER BY id').all() as AttributeRow[];
  const values = db
    .prepare(
      `SELECT v.id, v.owner_kind, v.owner_id, v.attribute_id, v.value, v.author, v.created_at, v.modified_at, v.deleted_at, d.content_hash AS hash
       FROM attribute_values v LEFT JOIN documents d ON v.owner_kind = 'document' AND d.id = v.owner_id
       ORDER BY v.attribute_id, v.owner_kind, coalesce(d.content_hash, v.owner_id)`,
    )
    .all() as (ValueRow & { hash: string | null })[];
  const bases: [ItemKind, string, string][] = [];
  const attributes = attrs.map((a) => {
    bases.push(['attribute', a.id, a.modified_at]);
    return { id: a.id, name: a.name, type: a.type, choices: JSON.parse(a.choices) as unknown, builtin: a.builtin, position: a.position, modified: a.modified_at, deleted: a.deleted_at };
  });
  const attributeValues = values.flatMap((v) => {
    if (v.owner_kind === 'document' && v.hash === null) return [];
    const target = v.owner_kind === 'document' ? `${DOC_URN_PREFIX}${v.hash}` : urn(v.owner_id);
    bases.push(['attribute_value', valueKey(v.owner_kind, v.owner_kind === 'document' ? v.hash! : v.owner_id, v.attribute_id), v.modified_at]);
    return [{ attribute: v.attribute_id, target, value: v.value, author: v.author, created: v.created_at, modified: v.modified_at, deleted: v.deleted_at }];
  });
  return { attributes, attributeValues, bases };
}

/** The merge base key of a value: its owner (a document by hash, so it is the same on both sides) and attribute. */
const valueKey = (kind: string, owner: string, attributeId: string) => `${kind}:${owner}:${attributeId}`;

/** Reads `cr:project.attributes` and `cr:project.attributeValues`, when present. */
export function readAttributes(fileName: string, ext: unknown, out: SharedFile): void {
  if (typeof ext !== 'object' || ext === null) return;
  const raw = ext as { attributes?: unknown; attributeValues?: unknown };
  if (raw.attributes !== undefined) {
    const r = FileAttributes.safeParse(raw.attributes);
    if (!r.success) throw fileError(fileName, `cr:project.attributes${pathOf(r.error.issues[0]!.path)}`, r.error.issues[0]!.message);
    out.attributes = r.data.map(
      (a): SharedAttribute => ({ ...a, id: a.id.toLowerCase(), modified: iso(a.modified), deleted: a.deleted ? iso(a.deleted) : null }),
    );
  }
  if (raw.attributeValues !== undefined) {
    const r = FileValues.safeParse(raw.attributeValues);
    if (!r.success) throw fileError(fileName, `cr:project.attributeValues${pathOf(r.error.issues[0]!.path)}`, r.error.issues[0]!.message);
    out.attributeValues = r.data.map((v, i): SharedAttributeValue => {
      const path = `cr:project.attributeValues[${i}]`;
      let owner: SharedAttributeValue['owner'];
      if (v.target.startsWith(DOC_URN_PREFIX) && /^[0-9a-f]{64}$/.test(v.target.slice(DOC_URN_PREFIX.length))) owner = { kind: 'document', hash: v.target.slice(DOC_URN_PREFIX.length) };
      else if (/^urn:uuid:[0-9a-f-]{36}$/i.test(v.target)) owner = { kind: 'annotation', id: v.target.slice(9).toLowerCase() };
      else throw fileError(fileName, `${path}.target`, `expected ${DOC_URN_PREFIX}<64 hex digits> or urn:uuid:<claim id>`);
      return { path, attributeId: v.attribute.toLowerCase(), owner, value: v.value, author: v.author, created: iso(v.created), modified: iso(v.modified), deleted: v.deleted ? iso(v.deleted) : null };
    });
  }
}

const pathOf = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');

export interface AttributeMergeContext {
  project: Project;
  file: SharedFile;
  fileName: string;
  now: string;
  bases: Bases;
  conflict(kind: ItemKind, id: string, losingSide: 'mine' | 'theirs', losing: unknown): void;
  markChanged(): void;
}

/**
 * Merges definitions (matched by id, then built-in key, then name) and values (by owner and
 * attribute) like the other details of a document: changed on one side, that side wins; changed on
 * both, the newer wins and the other version is kept as a conflict to review.
 */
export function mergeAttributes(ctx: AttributeMergeContext): void {
  const ids = mergeDefinitions(ctx);
  mergeValues(ctx, ids);
}

function mergeDefinitions(ctx: AttributeMergeContext): Map<string, string> {
  const db = ctx.project.database;
  const ids = new Map<string, string>();
  const rows = () => db.prepare('SELECT id, name, type, choices, builtin, position, modified_at, deleted_at FROM attributes').all() as AttributeRow[];
  for (const [i, a] of (ctx.file.attributes ?? []).entries()) {
    const all = rows();
    const live = all.filter((r) => r.deleted_at === null);
    const local =
      all.find((r) => r.id === a.id) ?? live.find((r) => a.builtin !== null && r.builtin === a.builtin) ?? live.find((r) => r.name.toLowerCase() === a.name.toLowerCase());
    if (!local) {
      if (a.deleted) continue;
      const id = all.some((r) => r.id === a.id) ? randomUUID() : a.id;
      const pos = (db.prepare('SELECT coalesce(max(position), -1) + 1 FROM attributes WHERE deleted_at IS NULL').pluck().get() as number) ?? 0;
      db.prepare('INSERT INTO attributes (id, name, type, choices, builtin, position, created_at, modified_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)').run(
        id,
        a.name,
        a.type,
        JSON.stringify(a.type === 'choice' ? a.choices : []),
        pos,
        a.modified,
        a.modified,
      );
      ids.set(a.id, id);
      ctx.bases.set('attribute', id, a.modified);
      ctx.markChanged();
      continue;
    }
    if (local.type !== a.type) throw fileError(ctx.fileName, `cr:project.attributes[${i}].type`, 'the attribute of that name has another type in this project');
    ids.set(a.id, local.id);
    if (local.builtin) continue;
    const localChoices = JSON.parse(local.choices) as string[];
    const same = local.name === a.name && localChoices.join('\u0000') === a.choices.join('\u0000') && !local.deleted_at === !a.deleted;
    const d = decide(ctx.bases.get('attribute', local.id), local.modified_at, a.modified, same);
    const mine = { name: local.name, choices: localChoices, deleted: local.deleted_at, modified: local.modified_at };
    const theirs = { name: a.name, choices: a.choices, deleted: a.deleted, modified: a.modified };
    if (d === 'conflict-keep') ctx.conflict('attribute', local.id, 'theirs', theirs);
    if (d === 'take' || d === 'conflict-take') {
      // A choice list that would drop a choice some value still has keeps this project's list.
      const used = db.prepare('SELECT DISTINCT value FROM attribute_values WHERE attribute_id = ? AND deleted_at IS NULL').pluck().all(local.id) as string[];
      const clash = live.some((r) => r.id !== local.id && r.name.toLowerCase() === a.name.toLowerCase());
      const drops = a.type === 'choice' && used.some((v) => !a.choices.includes(v));
      if (!clash && (!drops || a.deleted)) {
        if (d === 'conflict-take') ctx.conflict('attribute', local.id, 'mine', mine);
        db.prepare('UPDATE attributes SET name = ?, choices = ?, deleted_at = ?, modified_at = ? WHERE id = ?').run(
          a.name,
          JSON.stringify(a.type === 'choice' ? a.choices : []),
          a.deleted,
          a.modified,
          local.id,
        );
        ctx.markChanged();
      } else ctx.conflict('attribute', local.id, 'theirs', theirs);
    }
    ctx.bases.set('attribute', local.id, a.modified);
  }
  return ids;
}

function mergeValues(ctx: AttributeMergeContext, ids: Map<string, string>): void {
  const db = ctx.project.database;
  for (const v of ctx.file.attributeValues ?? []) {
    const attributeId = ids.get(v.attributeId) ?? v.attributeId;
    const row = db.prepare('SELECT id, name, type, choices, builtin, deleted_at FROM attributes WHERE id = ?').get(attributeId) as AttributeRow | undefined;
    // A value of an attribute this project does not have (and the file did not define) has nowhere to go.
    if (!row || row.deleted_at !== null) continue;
    const owner = v.owner.kind === 'document' ? ctx.project.documents.findByHash(v.owner.hash)?.id : v.owner.id;
    if (!owner) continue;
    if (v.owner.kind === 'annotation') {
      if (!db.prepare('SELECT 1 FROM annotations WHERE id = ? AND deleted_at IS NULL').get(owner)) continue;
      if (!row.builtin) throw fileError(ctx.fileName, `${v.path}.target`, 'only the source grading can be set on a single claim');
    }
    let value = v.value;
    if (!v.deleted) {
      const checked = canonicalValue({ name: row.name, type: row.type, choices: JSON.parse(row.choices) as string[] }, v.value);
      if (!checked.ok) throw fileError(ctx.fileName, `${v.path}.value`, `not a value of its attribute (${row.type === 'choice' ? 'not one of its choices' : `expected ${row.type}`})`);
      value = checked.value;
    }
    const key = valueKey(v.owner.kind, v.owner.kind === 'document' ? v.owner.hash : owner, attributeId);
    const local = db
      .prepare('SELECT id, value, author, modified_at, deleted_at FROM attribute_values WHERE owner_kind = ? AND owner_id = ? AND attribute_id = ?')
      .get(v.owner.kind, owner, attributeId) as ValueRow | undefined;
    if (!local) {
      if (!v.deleted) {
        db.prepare(
          'INSERT INTO attribute_values (id, owner_kind, owner_id, attribute_id, value, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(randomUUID(), v.owner.kind, owner, attributeId, value, v.author, v.created, v.modified);
        ctx.markChanged();
      }
      ctx.bases.set('attribute_value', key, v.modified);
      continue;
    }
    const same = (local.deleted_at !== null && v.deleted !== null) || (local.deleted_at === null && v.deleted === null && local.value === value);
    const d = decide(ctx.bases.get('attribute_value', key), local.modified_at, v.modified, same);
    const snapshot = (name: string, val: string, deleted: string | null, modified: string) => ({ name, value: val, deleted, modified, ownerKind: v.owner.kind, ownerId: owner, attributeId });
    if (d === 'conflict-keep') ctx.conflict('attribute_value', `${v.owner.kind}:${owner}:${attributeId}`, 'theirs', snapshot(row.name, value, v.deleted, v.modified));
    if (d === 'take' || d === 'conflict-take') {
      if (d === 'conflict-take') ctx.conflict('attribute_value', `${v.owner.kind}:${owner}:${attributeId}`, 'mine', snapshot(row.name, local.value, local.deleted_at, local.modified_at));
      db.prepare('UPDATE attribute_values SET value = ?, author = ?, deleted_at = ?, modified_at = ? WHERE id = ?').run(value, v.author, v.deleted, v.modified, local.id);
      ctx.markChanged();
    }
    ctx.bases.set('attribute_value', key, v.modified);
  }
}

/** One readable line for a version of a value, for the conflict list. */
export function describeValue(v: Record<string, unknown>): string {
  return `${String(v.name ?? '')}: ${v.deleted ? '—' : String(v.value ?? '')}`;
}

/** Puts the losing version of a value back, as a change made now (the conflict list's Take theirs / Take mine). */
export function swapValue(project: Project, v: Record<string, unknown>, author: string, now: string): void {
  const kind = v.ownerKind === 'annotation' ? 'annotation' : 'document';
  project.attributes.setValue({ kind, id: String(v.ownerId) }, String(v.attributeId), v.deleted ? null : String(v.value ?? ''), author, now);
}

/** The current version of a value, by its conflict id (owner kind : owner id : attribute id). */
export function currentValue(db: Db, id: string): Record<string, unknown> | null {
  const [kind, owner, attributeId] = id.split(':');
  const row = db
    .prepare(
      `SELECT a.name, v.value, v.deleted_at AS deleted, v.modified_at AS modified FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
       WHERE v.owner_kind = ? AND v.owner_id = ? AND v.attribute_id = ?`,
    )
    .get(kind, owner, attributeId) as Record<string, unknown> | undefined;
  return row ?? null;
}
