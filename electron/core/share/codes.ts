/**
 * The code system in the share file: each tag's parent, codebook entry and, for a tag merged into
 * another, the survivor it points at (`cr:project.tags[].mergedInto`). Reading refuses a file whose
 * tags make a tag its own ancestor; merging takes the hierarchy and entries with the tag's other
 * details, and a tag the colleague merged takes its local claims to the survivor.
 */
import type { TagDescriptionPatch } from '../../../shared/contract';
import type { Db } from '../store/db';
import type { Tags } from '../store/tags';

export interface SharedCodeFields {
  parent?: string | null | undefined;
  definition?: string | undefined;
  useWhen?: string | undefined;
  avoidWhen?: string | undefined;
  example?: string | undefined;
  mergedInto?: string | null | undefined;
}

interface TagCodeRow {
  parent_id: string | null;
  definition: string;
  use_when: string;
  avoid_when: string;
  example: string;
  merged_into: string | null;
}

/** The columns export.ts selects for each tag beside its own. */
export const TAG_CODE_COLUMNS = 'parent_id, definition, use_when, avoid_when, example, merged_into';

export function codeFieldsOf(row: TagCodeRow): Required<SharedCodeFields> {
  return { parent: row.parent_id, definition: row.definition, useWhen: row.use_when, avoidWhen: row.avoid_when, example: row.example, mergedInto: row.merged_into };
}

/** Whether the file's code fields differ from the local tag's (fields the file leaves out never differ). */
export function codeFieldsDiffer(db: Db, localId: string, t: SharedCodeFields, parentOf: (fileId: string) => string): boolean {
  const row = db.prepare(`SELECT ${TAG_CODE_COLUMNS} FROM tags WHERE id = ?`).get(localId) as TagCodeRow | undefined;
  if (!row) return false;
  const mine = codeFieldsOf(row);
  return (
    (t.parent !== undefined && (t.parent === null ? null : parentOf(t.parent)) !== mine.parent) ||
    (['definition', 'useWhen', 'avoidWhen', 'example'] as const).some((k) => t[k] !== undefined && t[k] !== mine[k])
  );
}

/**
 * The path of the first tag in `tags` that is its own ancestor through `parent`, or null. A parent
 * the file does not list is left to the merge (it may be a tag the receiver has).
 */
export function tagCycleIn(tags: readonly { id: string; parent?: string | null | undefined }[]): number | null {
  const parentOf = new Map(tags.map((t) => [t.id, t.parent ?? null]));
  for (const [i, t] of tags.entries()) {
    const seen = new Set([t.id]);
    for (let at = parentOf.get(t.id) ?? null; at !== null; at = parentOf.get(at) ?? null) {
      if (seen.has(at)) return i;
      seen.add(at);
    }
  }
  return null;
}

/**
 * Applies a colleague's code fields to the tags the merge took from their file, once every tag of
 * the file has its local id (a parent may come later in the file than its child).
 */
export class CodeSystemMerge {
  private readonly taken: { fields: SharedCodeFields; localId: string }[] = [];

  constructor(
    private readonly db: Db,
    private readonly localIdOf: (fileId: string) => string | undefined,
  ) {}

  take(fields: SharedCodeFields, localId: string): void {
    this.taken.push({ fields, localId });
  }

  /** Answers whether anything was written. */
  finish(): boolean {
    let changed = false;
    const live = this.db.prepare('SELECT 1 FROM tags WHERE id = ? AND deleted_at IS NULL').pluck();
    for (const { fields: t, localId } of this.taken) {
      for (const [key, column] of [['definition', 'definition'], ['useWhen', 'use_when'], ['avoidWhen', 'avoid_when'], ['example', 'example']] as const) {
        const value = t[key];
        if (value !== undefined) changed = this.db.prepare(`UPDATE tags SET ${column} = ? WHERE id = ? AND ${column} <> ?`).run(value, localId, value).changes > 0 || changed;
      }
      if (t.parent !== undefined) {
        const parent = t.parent === null ? null : (this.localIdOf(t.parent) ?? t.parent);
        // A parent the project no longer has, or one that would make the tag its own ancestor
        // here (the local tree changed meanwhile), leaves the local tag where it is.
        if (parent === null || (live.get(parent) && !this.ancestorsOf(parent).includes(localId) && parent !== localId)) {
          changed = this.db.prepare('UPDATE tags SET parent_id = ? WHERE id = ? AND parent_id IS NOT ?').run(parent, localId, parent).changes > 0 || changed;
        }
      }
      if (t.mergedInto) changed = this.followMerge(localId, t.mergedInto) || changed;
    }
    return changed;
  }

  /** A tag the colleague merged: its claims here take the survivor (none twice), and it points at it. */
  private followMerge(localId: string, survivorFileId: string): boolean {
    const survivor = resolveMerged(this.db, this.localIdOf(survivorFileId) ?? survivorFileId);
    if (!survivor || survivor === localId) return false;
    const claims = this.db.prepare('SELECT annotation_id FROM annotation_tags WHERE tag_id = ?').pluck().all(localId) as string[];
    const add = this.db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const claim of claims) add.run(claim, survivor);
    this.db.prepare('DELETE FROM annotation_tags WHERE tag_id = ?').run(localId);
    this.db.prepare('UPDATE tags SET parent_id = ? WHERE parent_id = ? AND deleted_at IS NULL').run(survivor, localId);
    this.db.prepare('UPDATE tags SET merged_into = ? WHERE id = ?').run(survivor, localId);
    return true;
  }

  private ancestorsOf(id: string): string[] {
    const parentOf = this.db.prepare('SELECT parent_id FROM tags WHERE id = ?').pluck();
    const seen: string[] = [];
    for (let at = parentOf.get(id) as string | null; at && !seen.includes(at); at = parentOf.get(at) as string | null) seen.push(at);
    return seen;
  }
}

/**
 * Whether a local tag merged into another stays merged against the file's copy: an older live copy
 * (a colleague who has not seen the merge yet) never brings it back; only a newer change does.
 */
export function keepsMergedTag(db: Db, localId: string, theirs: { deleted: string | null; modified: string }): boolean {
  const row = db.prepare('SELECT merged_into, deleted_at, modified_at FROM tags WHERE id = ?').get(localId) as
    | { merged_into: string | null; deleted_at: string | null; modified_at: string }
    | undefined;
  return !!row?.merged_into && row.deleted_at !== null && theirs.deleted === null && theirs.modified <= row.modified_at;
}

/** The live tag a (possibly merged) tag now stands for: its survivor's survivor…, or null when the chain ends in a deleted tag. */
export function resolveMerged(db: Db, id: string): string | null {
  const row = db.prepare('SELECT merged_into, deleted_at FROM tags WHERE id = ?');
  const seen = new Set<string>();
  for (let at: string | null = id; at !== null && !seen.has(at); ) {
    seen.add(at);
    const r = row.get(at) as { merged_into: string | null; deleted_at: string | null } | undefined;
    if (!r) return null;
    if (r.deleted_at === null) return at;
    at = r.merged_into;
  }
  return null;
}

type Version = Record<string, unknown>;
const ENTRY_KEYS = ['definition', 'useWhen', 'avoidWhen', 'example'] as const;

/** A local tag's code fields for a conflict's record of "mine" (what Take theirs / Keep mine swaps back). */
export function localCodeVersion(db: Db, localId: string): Version {
  const row = db.prepare(`SELECT ${TAG_CODE_COLUMNS} FROM tags WHERE id = ?`).get(localId) as TagCodeRow | undefined;
  if (!row) return {};
  const { mergedInto: _merged, ...fields } = codeFieldsOf(row);
  return fields;
}

/** The file's code fields for a conflict's record of "theirs", the parent named by its local id. */
export function theirCodeVersion(t: SharedCodeFields, localIdOf: (fileId: string) => string): Version {
  const out: Version = {};
  for (const k of ENTRY_KEYS) if (t[k] !== undefined) out[k] = t[k];
  if (t.parent !== undefined) out.parent = t.parent === null ? null : localIdOf(t.parent);
  return out;
}

/**
 * Applies a conflict's other version of a tag's code fields through the store, so the usual checks
 * hold: a parent that would make the tag its own ancestor is refused with the store's clear error.
 */
export function applyCodeVersion(tags: Tags, id: string, v: Version, now: string): void {
  const patch: TagDescriptionPatch = {};
  for (const k of ENTRY_KEYS) if (typeof v[k] === 'string') patch[k] = v[k];
  if (Object.keys(patch).length > 0) tags.describe(id, patch, now);
  if (v.parent === null || (typeof v.parent === 'string' && tags.list().some((t) => t.id === v.parent))) {
    const parent = v.parent as string | null;
    if (tags.get(id).parentId !== parent) tags.move(id, parent, undefined, now);
  }
}
