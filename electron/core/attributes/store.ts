import { randomUUID } from 'node:crypto';
import {
  type Attribute,
  type AttributeType,
  type AttributeValue,
  canonicalValue,
  type ValueOwnerKind,
} from '../../../shared/attributes';
import { AppError } from '../errors';
import type { Db } from '../store/db';

interface DbAttribute {
  id: string;
  name: string;
  type: AttributeType;
  choices: string;
  builtin: 'reliability' | 'credibility' | null;
  position: number;
  created_at: string;
  modified_at: string;
}

interface DbValue {
  owner_kind: ValueOwnerKind;
  owner_id: string;
  attribute_id: string;
  value: string;
  author: string;
  modified_at: string;
}

/** A stored choice list is untrusted (the file may come from elsewhere): anything but an array of strings reads as none. */
function parseChoices(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

function toAttribute(row: DbAttribute): Attribute {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    choices: parseChoices(row.choices),
    builtin: row.builtin,
    position: row.position,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

function toValue(row: DbValue): AttributeValue {
  return { ownerKind: row.owner_kind, ownerId: row.owner_id, attributeId: row.attribute_id, value: row.value, author: row.author, modifiedAt: row.modified_at };
}

const COLUMNS = 'id, name, type, choices, builtin, position, created_at, modified_at';

export interface AttributePatch {
  name?: string | undefined;
  choices?: string[] | undefined;
}

/** The project's attribute definitions and their values (migration 0006). */
export class Attributes {
  constructor(private readonly db: Db) {}

  list(): Attribute[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM attributes WHERE deleted_at IS NULL ORDER BY position, name`).all() as DbAttribute[];
    return rows.map(toAttribute);
  }

  get(id: string): Attribute {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM attributes WHERE id = ? AND deleted_at IS NULL`).get(id) as DbAttribute | undefined;
    if (!row) throw new AppError('not-found', 'That attribute does not exist (it may have been deleted).');
    return toAttribute(row);
  }

  create(input: { name: string; type: AttributeType; choices: string[] }, now: string): Attribute {
    const name = input.name.trim();
    this.assertNameFree(name);
    const choices = input.type === 'choice' ? input.choices : [];
    if (input.type !== 'choice' && input.choices.length > 0) throw new AppError('bad-input', `Only a choice list has choices; “${name}” is of type ${input.type}.`);
    const { maxPos } = this.db.prepare('SELECT coalesce(max(position), -1) AS maxPos FROM attributes WHERE deleted_at IS NULL').get() as { maxPos: number };
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO attributes (id, name, type, choices, builtin, position, created_at, modified_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)')
      .run(id, name, input.type, JSON.stringify(choices), maxPos + 1, now, now);
    return this.get(id);
  }

  /**
   * Renames an attribute or changes its choice list. A choice still given to some document cannot
   * be taken out of the list: that value would stop being one of its choices.
   */
  update(id: string, patch: AttributePatch, now: string): Attribute {
    const current = this.get(id);
    const name = patch.name?.trim() ?? current.name;
    if (current.builtin && (name !== current.name || patch.choices !== undefined)) {
      throw new AppError('bad-input', `“${current.name}” is the built-in source grading: its name and grades are fixed.`);
    }
    if (name.toLowerCase() !== current.name.toLowerCase()) this.assertNameFree(name);
    let choices = current.choices;
    if (patch.choices !== undefined) {
      if (current.type !== 'choice') throw new AppError('bad-input', `Only a choice list has choices; “${current.name}” is of type ${current.type}.`);
      const used = this.db
        .prepare('SELECT DISTINCT value FROM attribute_values WHERE attribute_id = ? AND deleted_at IS NULL')
        .pluck()
        .all(id) as string[];
      const dropped = used.filter((v) => !patch.choices!.includes(v));
      if (dropped.length > 0) {
        throw new AppError('conflict', `“${dropped[0]}” cannot leave the choices of “${current.name}”: some documents have it. Change their values first.`);
      }
      choices = patch.choices;
    }
    this.db.prepare('UPDATE attributes SET name = ?, choices = ?, modified_at = ? WHERE id = ?').run(name, JSON.stringify(choices), now, id);
    return this.get(id);
  }

  /** Tombstones the attribute and its values, in one step (an undo brings both back). */
  delete(id: string, now: string): void {
    const attr = this.get(id);
    if (attr.builtin) throw new AppError('bad-input', `“${attr.name}” is the built-in source grading and cannot be deleted; leave its values empty instead.`);
    this.db.prepare('UPDATE attribute_values SET deleted_at = ?, modified_at = ? WHERE attribute_id = ? AND deleted_at IS NULL').run(now, now, id);
    this.db.prepare('UPDATE attributes SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  }

  /** How many live values an attribute has (the delete dialog says what goes with it). */
  usage(id: string): number {
    this.get(id);
    return this.db.prepare('SELECT count(*) FROM attribute_values WHERE attribute_id = ? AND deleted_at IS NULL').pluck().get(id) as number;
  }

  /** Every live value of every live attribute, on live documents and live claims. */
  values(): AttributeValue[] {
    const rows = this.db
      .prepare(
        `SELECT v.owner_kind, v.owner_id, v.attribute_id, v.value, v.author, v.modified_at
         FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id AND a.deleted_at IS NULL
         WHERE v.deleted_at IS NULL AND (
           (v.owner_kind = 'document' AND EXISTS (SELECT 1 FROM documents d WHERE d.id = v.owner_id AND d.deleted_at IS NULL))
           OR (v.owner_kind = 'annotation' AND EXISTS (SELECT 1 FROM annotations n WHERE n.id = v.owner_id AND n.deleted_at IS NULL)))
         ORDER BY a.position, v.owner_kind, v.owner_id`,
      )
      .all() as DbValue[];
    return rows.map(toValue);
  }

  /**
   * Sets (or, with null or an empty text, clears) one value. The value is checked against the
   * attribute's type and choices; a claim may only carry the built-in grading, which overrides its
   * document's. Returns whether anything changed.
   */
  setValue(owner: { kind: ValueOwnerKind; id: string }, attributeId: string, value: string | null, author: string, now: string): boolean {
    const attr = this.get(attributeId);
    this.assertOwner(owner);
    if (owner.kind === 'annotation' && !attr.builtin) {
      throw new AppError('bad-input', `Only the source grading can be set on a single claim; “${attr.name}” belongs to documents.`);
    }
    let canonical: string | null = null;
    if (value !== null && value.trim() !== '') {
      const checked = canonicalValue(attr, value);
      if (!checked.ok) throw new AppError('bad-input', `Not saved: ${checked.reason}.`);
      canonical = checked.value;
    }
    const existing = this.db
      .prepare('SELECT id, value, deleted_at FROM attribute_values WHERE owner_kind = ? AND owner_id = ? AND attribute_id = ?')
      .get(owner.kind, owner.id, attributeId) as { id: string; value: string; deleted_at: string | null } | undefined;
    if (canonical === null) {
      if (!existing || existing.deleted_at !== null) return false;
      this.db.prepare('UPDATE attribute_values SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, existing.id);
      return true;
    }
    if (!existing) {
      this.db
        .prepare(
          `INSERT INTO attribute_values (id, owner_kind, owner_id, attribute_id, value, author, created_at, modified_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(randomUUID(), owner.kind, owner.id, attributeId, canonical, author, now, now);
      return true;
    }
    if (existing.deleted_at === null && existing.value === canonical) return false;
    this.db
      .prepare('UPDATE attribute_values SET value = ?, author = ?, modified_at = ?, deleted_at = NULL WHERE id = ?')
      .run(canonical, author, now, existing.id);
    return true;
  }

  private assertOwner(owner: { kind: ValueOwnerKind; id: string }): void {
    const table = owner.kind === 'document' ? 'documents' : 'annotations';
    const found = this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(owner.id);
    if (!found) throw new AppError('not-found', `That ${owner.kind === 'document' ? 'document' : 'claim'} does not exist (it may have been deleted).`);
  }

  private assertNameFree(name: string): void {
    // SQLite's lower() folds ASCII only; compare in JS so Cyrillic names clash regardless of case too.
    const clash = (this.db.prepare('SELECT name FROM attributes WHERE deleted_at IS NULL').pluck().all() as string[]).find(
      (n) => n.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new AppError('conflict', `An attribute named “${clash}” already exists.`);
  }
}
