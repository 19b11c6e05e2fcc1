import type { NoteOwner } from '../../../shared/contract';
import { AppError } from '../errors';
import { noteText } from '../notes/lexical';
import type { NoteOwnerKind, SearchIndexer } from '../search/indexer';
import type { Db } from './db';

/** A row of the notes table: a claim's or link's note, or a memo (migration 0007). */
export interface NoteKey {
  kind: NoteOwnerKind;
  id: string;
}

export interface NoteRow {
  json: string;
  text: string;
  author: string;
  created_at: string;
  modified_at: string;
}

/**
 * Notes on claims and links (and, through electron/core/memos, memos): a Lexical editor state plus the plain text derived from it. They
 * autosave as the user types and are not undo steps (see migration 0002), with one exception: the
 * save that clears a note is one (migration 0005), since that is how a note is deleted.
 */
export class Notes {
  constructor(
    private readonly db: Db,
    private readonly index: SearchIndexer,
  ) {}

  get(owner: NoteOwner): { json: string | null; text: string } {
    this.requireLiveOwner(owner);
    const row = this.db.prepare('SELECT json, text FROM notes WHERE owner_kind = ? AND owner_id = ?').get(owner.kind, owner.id) as
      | { json: string; text: string }
      | undefined;
    return row ?? { json: null, text: '' };
  }

  /** The Lexical JSON of every live claim's non-empty note, by claim id, in one query (for the dossier). */
  claimNotes(): Map<string, string> {
    const rows = this.db
      .prepare(
        `SELECT n.owner_id AS id, n.json FROM notes n JOIN annotations a ON a.id = n.owner_id AND a.deleted_at IS NULL
         WHERE n.owner_kind = 'annotation' AND n.text <> ''`,
      )
      .all() as { id: string; json: string }[];
    return new Map(rows.filter((r) => r.json).map((r) => [r.id, r.json]));
  }

  /** Stores the note (an emptied note stays, empty, so a merge knows it was cleared) and re-indexes it. */
  save(owner: NoteOwner, json: string, author: string, now: string): { text: string } {
    const text = noteText(json);
    this.requireLiveOwner(owner);
    return this.write(owner, json, text, author, now);
  }

  /** Writes a note row whose owner the caller has checked; the JSON is validated here. */
  store(key: NoteKey, json: string, author: string, now: string): { text: string } {
    return this.write(key, json, noteText(json), author, now);
  }

  /** The JSON is validated once, by the caller that derived `text` from it (parsing it twice doubled the cost of saving notes). */
  private write(key: NoteKey, json: string, text: string, author: string, now: string): { text: string } {
    this.db
      .prepare(
        `INSERT INTO notes (owner_kind, owner_id, json, text, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (owner_kind, owner_id) DO UPDATE SET json = excluded.json, text = excluded.text,
           author = excluded.author, modified_at = excluded.modified_at`,
      )
      .run(key.kind, key.id, json, text, author, now, now);
    this.index.indexNote(key.kind, key.id, text);
    return { text };
  }

  /** The stored row of a note or memo, if any. */
  row(key: NoteKey): NoteRow | undefined {
    return this.db
      .prepare('SELECT json, text, author, created_at, modified_at FROM notes WHERE owner_kind = ? AND owner_id = ?')
      .get(key.kind, key.id) as NoteRow | undefined;
  }

  /** Whether saving `json` would clear a note that has text now: that save is an undo step. */
  wouldClear(key: NoteKey, json: string): boolean {
    const row = this.row(key);
    return !!row && row.text.trim() !== '' && noteText(json).trim() === '';
  }

  /** After an undo or redo changed the note: the search index follows. */
  reindex(key: NoteKey): void {
    this.index.indexNote(key.kind, key.id, this.row(key)?.text ?? '');
  }

  private requireLiveOwner(owner: NoteOwner): void {
    const table = owner.kind === 'annotation' ? 'annotations' : 'links';
    const live = this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(owner.id);
    if (!live) {
      throw new AppError('not-found', owner.kind === 'annotation' ? 'That claim does not exist (it may have been deleted).' : 'That link does not exist (it may have been deleted).');
    }
  }
}
