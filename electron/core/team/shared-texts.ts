/**
 * Notes, memos and the dossier summary of a project in a live team, edited together character by
 * character: the bridge's side of richtext-store.ts.
 *
 * A field is bound (a headless Lexical editor on its shared Y.XmlText) the first time it matters in
 * a session: when the user saves it, or when a colleague's change to it arrives. From then on:
 * - a save here (a notes, memo or summary row in the change log) is applied to the shared text as
 *   the difference from what the shared text holds, so it merges with what colleagues typed;
 * - a colleague's change is written to the project file as it arrives;
 * - the record merge leaves the field alone (MergeOptions.textShared): the shared text carries it.
 *
 * A field first bound while this side holds a change of it the team has not seen (saved offline)
 * starts from this side's text. When the team's text also changed since this side last agreed
 * with it, the team's text goes to the conflicts list, as a file merge would put it: nothing is
 * dropped unseen.
 */
import type * as Y from 'yjs';
import { richTextFromLexical, richTextToHtml } from '../../../shared/richtext';
import type { SharedTextField } from '../share/merge-vocabulary';
import { readSummary, SUMMARY_META_KEY } from '../share/export';
import { noteText } from '../notes/lexical';
import type { NoteKey } from '../store/notes';
import type { Project } from '../store/project';

const PROJECT_ID_KEY = 'project_id';
import { AppError } from '../errors';
import { parseRichTextKey, richTextTypeName } from './richtext-crdt';
import { bindRichText, type BoundRichText } from './richtext-store';
import { takeSaveBase } from './save-bases';

const TYPE_PREFIX = richTextTypeName('');
const htmlOf = (json: string) => richTextToHtml(richTextFromLexical(json));

interface SharedTextsOptions {
  project: Project;
  doc: Y.Doc;
  /** The team's records map, to tell whether a colleague changed a field since this side agreed. */
  records: Y.Map<string>;
  /** The sync_bases source of this team. */
  source: string;
  /** The name a colleague's change is stored under, and the conflicts list's source. */
  teamName: string;
  onError(error: AppError): void;
  /** A colleague's words were written into the project file. */
  onStored(): void;
}

export class SharedTexts {
  private readonly bound = new Map<string, BoundRichText>();
  /** Fields a colleague changed that are not bound yet (bound at the next tick, outside Yjs' events). */
  private readonly arrived = new Set<string>();
  private readonly onTransaction: (tx: Y.Transaction) => void;

  constructor(private readonly o: SharedTextsOptions) {
    this.onTransaction = (tx) => {
      if (tx.local) return;
      for (const [name, type] of o.doc.share) {
        if (!name.startsWith(TYPE_PREFIX)) continue;
        const key = name.slice(TYPE_PREFIX.length);
        // A name no Crossread field has (a hostile or newer client's) is not bound.
        if (!isFieldKey(key)) continue;
        if (!this.bound.has(key) && (tx.changed.has(type) || tx.changedParentTypes.has(type))) this.arrived.add(key);
      }
    };
    o.doc.on('afterTransaction', this.onTransaction);
  }

  /** Whether the record merge should leave this field to the shared text. */
  readonly textShared = (field: SharedTextField): boolean => {
    const key = keyOf(field, this.o.project);
    return key !== null && this.bound.has(key);
  };

  /** Binds the fields colleagues changed since the last call; their text is written to the project. */
  bindArrived(): void {
    for (const key of [...this.arrived]) {
      this.arrived.delete(key);
      if (this.bound.has(key)) continue;
      this.bind(key);
    }
  }

  /** After a record merge: fields whose owner (a claim, say) arrived only now get their shared text. */
  pullAll(): void {
    for (const b of this.bound.values()) b.pull();
  }

  /** Applies this side's saved notes, memos and summary in the change log to their shared texts. */
  pushChanged(onlyBound: boolean): void {
    const rows = this.o.project.database.prepare("SELECT DISTINCT kind, id FROM sync_changes WHERE kind IN ('note', 'summary')").all() as { kind: string; id: string }[];
    for (const row of rows) {
      const key = row.kind === 'summary' ? 'summary' : keyOfNoteRow(row.id, this.o.project);
      if (!key) continue;
      const b = this.bound.get(key);
      if (b) {
        try {
          b.pushLocal(takeSaveBase(this.o.project, row.kind === 'summary' ? 'summary' : row.id));
        } catch (error) {
          this.report(error);
        }
      } else if (!onlyBound) {
        this.bind(key);
      }
    }
  }

  private bind(key: string): void {
    try {
      const pending = this.pending(key);
      // What the saving editor started from, when this side has a save the team has not seen.
      const base = pending ? takeSaveBase(this.o.project, key === 'summary' ? 'summary' : noteIdOf(key, this.o.project)) : undefined;
      const b = bindRichText(this.o.doc, this.o.project, key, {
        author: this.o.teamName,
        prefer: pending ? 'stored' : 'doc',
        ...(base !== undefined ? { base } : {}),
        onError: this.o.onError,
        onStored: this.o.onStored,
      });
      this.bound.set(key, b);
      // Applied from the editor's own starting point, colleagues' text is kept: nothing to set aside.
      if (base !== undefined) return;
      const theirs = b.replacedDocState;
      const mine = fieldJson(this.o.project, key);
      if (theirs !== null && mine !== null && htmlOf(theirs) !== htmlOf(mine) && this.teamChangedSince(key)) this.keepTheirs(key, theirs);
    } catch (error) {
      this.report(error);
    }
  }

  private report(error: unknown): void {
    this.o.onError(error instanceof AppError ? error : new AppError('internal', `A shared note could not be synced: ${(error as Error).message}`));
  }

  /** The team's text of a field this side saved while apart, and a colleague changed meanwhile: to the conflicts list. */
  private keepTheirs(key: string, theirs: string): void {
    const summary = key === 'summary';
    const db = this.o.project.database;
    this.o.project.write((now) => {
      const base = { json: theirs, text: noteText(theirs), author: this.o.teamName };
      db.prepare('INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        summary ? 'summary' : 'note',
        summary ? SUMMARY_META_KEY : noteIdOf(key, this.o.project),
        'theirs',
        JSON.stringify(summary ? { ...base, modifiedAt: now } : { ...base, modified: now }),
        this.o.teamName,
        now,
      );
    });
  }

  /** Whether this side holds a change of the field the team has not been sent. */
  private pending(key: string): boolean {
    const db = this.o.project.database;
    if (key === 'summary') return db.prepare("SELECT 1 FROM sync_changes WHERE kind = 'summary' LIMIT 1").get() !== undefined;
    return db.prepare("SELECT 1 FROM sync_changes WHERE kind = 'note' AND id = ? LIMIT 1").get(noteIdOf(key, this.o.project)) !== undefined;
  }

  /** Whether the team's record of the field is newer than the version this side last agreed with. */
  private teamChangedSince(key: string): boolean {
    const summary = key === 'summary';
    const kind = summary ? 'summary' : 'note';
    const id = summary ? SUMMARY_META_KEY : noteIdOf(key, this.o.project);
    const base = this.o.project.database.prepare('SELECT modified_at FROM sync_bases WHERE source = ? AND item_kind = ? AND item_id = ?').pluck().get(this.o.source, kind, id) as string | undefined;
    const team = this.teamModified(key);
    return base === undefined || team === null || team !== base;
  }

  /** The modified time of the field in the team's records, or null when the team has no record of it. */
  private teamModified(key: string): string | null {
    const field = parseRichTextKey(key);
    let recordKey: string;
    if (field.kind === 'summary') recordKey = 'summary';
    else if (field.owner === 'annotation' || field.owner === 'link') recordKey = `item:urn:uuid:${field.id}`;
    else if (field.owner === 'project') recordKey = 'item:urn:crossread:memo:project';
    else if (field.owner === 'tag') recordKey = `item:urn:crossread:memo:tag:${field.id}`;
    else {
      const hash = this.o.project.database.prepare('SELECT content_hash FROM documents WHERE id = ?').pluck().get(field.id) as string | undefined;
      if (!hash) return null;
      recordKey = `item:urn:crossread:memo:document:${hash}`;
    }
    const raw = this.o.records.get(recordKey);
    if (typeof raw !== 'string') return null;
    try {
      const v = (JSON.parse(raw) as { v: Record<string, unknown> }).v;
      if (key === 'summary') return typeof v.modifiedAt === 'string' ? v.modifiedAt : null;
      const bodies = (Array.isArray(v.body) ? v.body : v.body ? [v.body] : []) as Record<string, unknown>[];
      const note = bodies.find((b) => b.purpose === 'commenting');
      return note && typeof note.modified === 'string' ? note.modified : null;
    } catch {
      return null;
    }
  }

  dispose(): void {
    this.o.doc.off('afterTransaction', this.onTransaction);
    for (const b of this.bound.values()) b.dispose();
    this.bound.clear();
  }
}

/** The notes-table key of a note or memo's field ("annotation:<id>", "project:<project id>", ...). */
function noteIdOf(key: string, project: Project): string {
  const field = parseRichTextKey(key);
  if (field.kind === 'summary') throw new AppError('internal', 'The summary is not a note.');
  if (field.kind === 'memo' && field.owner === 'project') return `project:${project.meta.get(PROJECT_ID_KEY) ?? ''}`;
  return `${field.owner}:${(field as { id: string }).id}`;
}

/** The field key of a notes-table row, or null for a row no shared text carries. */
function keyOfNoteRow(id: string, project: Project): string | null {
  const colon = id.indexOf(':');
  const owner = id.slice(0, colon);
  const ownerId = id.slice(colon + 1);
  if (!/^[\w-]{1,64}$/.test(ownerId)) return null;
  if (owner === 'annotation' || owner === 'link') return `note:${owner}:${ownerId}`;
  if (owner === 'project') return ownerId === project.meta.get(PROJECT_ID_KEY) ? 'memo:project' : null;
  if (owner === 'document' || owner === 'tag') return `memo:${owner}:${ownerId}`;
  return null;
}

function keyOf(field: SharedTextField, project: Project): string | null {
  return field.kind === 'summary' ? 'summary' : keyOfNoteRow(`${field.owner}:${field.id}`, project);
}

/** The field as the project file holds it now. */
function fieldJson(project: Project, key: string): string | null {
  if (key === 'summary') return readSummary(project)?.json ?? null;
  const id = noteIdOf(key, project);
  const colon = id.indexOf(':');
  return project.notes.row({ kind: id.slice(0, colon) as NoteKey['kind'], id: id.slice(colon + 1) })?.json ?? null;
}

function isFieldKey(key: string): boolean {
  try {
    parseRichTextKey(key);
    return true;
  } catch {
    return false;
  }
}
