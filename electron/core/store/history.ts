import type { HistoryState } from '../../../shared/contract';
import { HistoryStep, type StepLabel } from '../../../shared/history';
import { AppError } from '../errors';
import type { Db } from './db';
import type { NoteKey } from './notes';
import { DOCUMENT_UNDO_COLUMNS, NOTE_UNDO_COLUMNS } from './migrations/0005_undo_everything';
import { englishLabel } from './step-labels';

/** How many undo steps a project keeps; older ones are forgotten. */
export const HISTORY_LIMIT = 200;

/*
 * The only statements the journal's triggers write (migrations 0002 and 0005). A project file may
 * come from someone else, so its journal is untrusted: anything else in it (an ATTACH that writes a
 * file, a DROP, an UPDATE of a document's text) is never run.
 */
const LITERAL = String.raw`(?:'(?:[^']|'')*'|-?\d+(?:\.\d+)?|NULL)`;
const NOW = String.raw`strftime\('%Y-%m-%dT%H:%M:%fZ', 'now'\)`;
const assign = (column: string) => String.raw`(?:${column}|deleted_at|modified_at) = (?:${LITERAL}|${NOW})`;
const ANY_COLUMN = String.raw`"[a-z_]+"`;
const oneOf = (columns: readonly string[]) => `"(?:${columns.join('|')})"`;
const assignments = (column: string) => `${assign(column)}(?:, ${assign(column)})*`;
/** Tables whose rows the journal restores whole (the tombstoned-table triggers of 0002, 0005, 0006, 0013 and 0014). */
const WHOLE_ROW_TABLES = '(?:annotations|links|tags|relation_types|attributes|attribute_values|hypothesis_analyses|hypotheses|hypothesis_rows|hypothesis_ratings|cluster_titles)';
const JOURNAL_SQL = [
  new RegExp(String.raw`^UPDATE ${WHOLE_ROW_TABLES} SET ${assignments(ANY_COLUMN)} WHERE id = ${LITERAL}$`),
  new RegExp(String.raw`^INSERT INTO ${WHOLE_ROW_TABLES} \((?:"[a-z_]+", )*"[a-z_]+"\) VALUES \((?:${LITERAL}, )*${LITERAL}\)$`),
  new RegExp(String.raw`^DELETE FROM annotation_tags WHERE annotation_id = ${LITERAL} AND tag_id = ${LITERAL}$`),
  new RegExp(String.raw`^INSERT INTO annotation_tags \(annotation_id, tag_id\) VALUES \(${LITERAL}, ${LITERAL}\)$`),
  // A document's details and tombstone only: never its text or hash.
  new RegExp(String.raw`^UPDATE documents SET ${assignments(oneOf(DOCUMENT_UNDO_COLUMNS))} WHERE id = ${LITERAL}$`),
  new RegExp(
    String.raw`^UPDATE notes SET ${assignments(oneOf(NOTE_UNDO_COLUMNS))} WHERE owner_kind = ${LITERAL} AND owner_id = ${LITERAL} AND modified_at = ${LITERAL}$`,
  ),
];

/** Whether `sql` is one of the statements the undo triggers write, and nothing else. */
export function isJournalSql(sql: string): boolean {
  return JOURNAL_SQL.some((re) => re.test(sql));
}

/** What a replay touched, so derived data (the search index) can follow. */
export interface Touched {
  documents: string[];
  /** Notes and memos. */
  notes: NoteKey[];
}

interface LogRow {
  seq: number;
  tbl: string;
  row_id: string;
  sql: string;
}

interface StepRow {
  id: number;
  label: string;
  kind: string | null;
  params: string | null;
}

/** A label stored before labels were structured (kind NULL), or damaged, is shown as its English text. */
function toStep(row: StepRow): HistoryStep {
  let params: unknown = null;
  try {
    params = row.params === null ? null : JSON.parse(row.params);
  } catch {
    params = null;
  }
  const parsed = HistoryStep.safeParse({ id: row.id, label: { kind: row.kind, params } });
  return parsed.success ? parsed.data : { id: row.id, label: { kind: 'other', params: { text: row.label } } };
}

const STEP_COLUMNS = 'id, label, kind, params';

/**
 * The persistent undo/redo history of a project (design in migration 0002). A step is recorded by
 * triggers while `undo_state.step` is set; undoing it replays its inverse SQL newest first while the
 * same triggers record the SQL that redoes it, which then replaces the step's log. Everything runs
 * inside the caller's write transaction, so a step, an undo or a redo lands whole or not at all.
 */
export class History {
  /** The step the last `record` made, or null when it changed nothing. */
  private recorded: HistoryStep | null = null;
  /** The editing session the newest step belongs to: its later saves join that step. */
  private session: { key: string; step: number } | null = null;

  constructor(private readonly db: Db) {}

  state(): HistoryState {
    const undo = this.newest(0);
    const redo = this.newest(1);
    return {
      canUndo: !!undo,
      canRedo: !!redo,
      undoLabel: undo ? this.englishOf(undo) : null,
      redoLabel: redo ? this.englishOf(redo) : null,
      undo: undo ? toStep(undo) : null,
      redo: redo ? toStep(redo) : null,
    };
  }

  /** The step the last `record` call made (null if it changed nothing), for an Undo button bound to it. */
  lastRecorded(): HistoryStep | null {
    return this.recorded;
  }

  /**
   * Runs `fn` as one undo step named `label`. Must be called inside a write transaction. A step
   * that changed nothing is dropped and leaves the redo branch alone; one that changed something
   * discards the redo branch, as a new action does in any editor.
   */
  record<T>(label: StepLabel | ((result: T) => StepLabel), now: string, fn: () => T, session?: string): T {
    if (this.db.prepare('SELECT step FROM undo_state WHERE id = 1').pluck().get() !== null) {
      throw new AppError('internal', 'An undo step is already being recorded.');
    }
    this.recorded = null;
    const joined = session !== undefined ? this.sessionStep(session) : null;
    if (joined !== null) return this.recordInto(joined, label, fn);
    this.session = null;
    const step = Number(this.db.prepare(`INSERT INTO undo_steps (label, created_at) VALUES ('', ?)`).run(now).lastInsertRowid);
    this.setRecording(step);
    let result: T;
    try {
      result = fn();
    } finally {
      this.setRecording(null);
    }
    const changed = this.db.prepare('SELECT 1 FROM undo_log WHERE step = ? LIMIT 1').get(step);
    if (!changed) {
      this.db.prepare('DELETE FROM undo_steps WHERE id = ?').run(step);
      return result;
    }
    const named = typeof label === 'function' ? label(result) : label;
    this.db
      .prepare('UPDATE undo_steps SET label = ?, kind = ?, params = ? WHERE id = ?')
      .run(englishLabel(named), named.kind, JSON.stringify(named.params), step);
    this.forget('DELETE FROM undo_steps WHERE undone = 1 RETURNING id');
    this.forget(`DELETE FROM undo_steps WHERE id NOT IN (SELECT id FROM undo_steps ORDER BY id DESC LIMIT ${HISTORY_LIMIT}) RETURNING id`);
    this.recorded = { id: step, label: named };
    if (session !== undefined) this.session = { key: session, step };
    return result;
  }

  /**
   * The step `session` made, if it is still the newest and nothing was undone since: an autosaving
   * editor (a hypothesis's description) saves every few seconds, and one sitting is one undo step.
   */
  private sessionStep(session: string): number | null {
    if (this.session?.key !== session) return null;
    const newest = this.newest(0);
    if (newest?.id !== this.session.step || this.newest(1)) return null;
    return newest.id;
  }

  /** Appends `fn`'s changes to `step`: undoing it replays them newest first, back to before the session. */
  private recordInto<T>(step: number, label: StepLabel | ((result: T) => StepLabel), fn: () => T): T {
    this.setRecording(step);
    let result: T;
    try {
      result = fn();
    } finally {
      this.setRecording(null);
    }
    const named = typeof label === 'function' ? label(result) : label;
    this.db
      .prepare('UPDATE undo_steps SET label = ?, kind = ?, params = ? WHERE id = ?')
      .run(englishLabel(named), named.kind, JSON.stringify(named.params), step);
    this.recorded = { id: step, label: named };
    return result;
  }

  /**
   * Undoes the newest step; with `expected`, only if that is the newest step (an Undo button made
   * for one step never undoes another). Must be called inside a write transaction. A step that can
   * no longer be reversed throws a 'conflict' after forgetting it: the caller should commit, then report it.
   */
  undo(expected?: number): { step: HistoryStep; touched: Touched } {
    this.session = null;
    const step = this.newest(0);
    if (!step) throw new AppError('conflict', 'There is nothing to undo.');
    this.expect(step, expected, 'undone');
    return { step: toStep(step), touched: this.replay(step, 1) };
  }

  /** Redoes the step undone last (with `expected`, only if it is that one). Must be called inside a write transaction. */
  redo(expected?: number): { step: HistoryStep; touched: Touched } {
    this.session = null;
    const step = this.newest(1);
    if (!step) throw new AppError('conflict', 'There is nothing to redo.');
    this.expect(step, expected, 'redone');
    return { step: toStep(step), touched: this.replay(step, 0) };
  }

  /** Forgets every step (undone or not). */
  clear(): void {
    this.db.exec('DELETE FROM undo_log; DELETE FROM undo_steps;');
  }

  /** The next step to undo (undone = 0) or to redo (undone = 1). */
  private newest(undone: 0 | 1): StepRow | undefined {
    const order = undone === 0 ? 'DESC' : 'ASC';
    return this.db.prepare(`SELECT ${STEP_COLUMNS} FROM undo_steps WHERE undone = ? ORDER BY id ${order} LIMIT 1`).get(undone) as
      | StepRow
      | undefined;
  }

  private englishOf(row: StepRow): string {
    const step = toStep(row);
    return step.label.kind === 'other' ? row.label : englishLabel(step.label);
  }

  private expect(step: StepRow, expected: number | undefined, verb: 'undone' | 'redone'): void {
    if (expected === undefined || expected === step.id) return;
    throw new AppError(
      'conflict',
      `That action was not ${verb}: other changes were made or undone since, and the next step is “${this.englishOf(step)}”. Use Undo and Redo in the Edit menu instead.`,
    );
  }

  private replay(step: StepRow, undone: 0 | 1): Touched {
    const rows = this.db.prepare('SELECT seq, tbl, row_id, sql FROM undo_log WHERE step = ? ORDER BY seq DESC').all(step.id) as LogRow[];
    // The reversal is recorded under a scratch id, then becomes the step's log.
    const scratch = -step.id;
    const conflict = this.tryReplay(rows, scratch);
    if (conflict) {
      // What this step touched was changed since by something that is not an undo step (a
      // merge, a note typed again): it can no longer be reversed, and nor can anything older.
      this.forget(`DELETE FROM undo_steps WHERE id <= ${step.id} AND undone = 0 RETURNING id`);
      if (undone === 0) this.forget(`DELETE FROM undo_steps WHERE undone = 1 RETURNING id`);
      throw new AppError('conflict', `“${this.englishOf(step)}” can no longer be ${undone ? 'undone' : 'redone'}: ${conflict}`);
    }
    this.db.prepare('DELETE FROM undo_log WHERE step = ?').run(step.id);
    this.db.prepare('UPDATE undo_log SET step = ? WHERE step = ?').run(step.id, scratch);
    this.db.prepare('UPDATE undo_steps SET undone = ? WHERE id = ?').run(undone, step.id);
    return touchedBy(rows);
  }

  /** Replays `rows` in a savepoint; returns why the result is inconsistent (and rolls it back), or null. */
  private tryReplay(rows: readonly LogRow[], scratch: number): string | null {
    let problem: string | null = null;
    if (!rows.every((r) => isJournalSql(r.sql))) return 'the history stored in this file is damaged.';
    const run = this.db.transaction(() => {
      this.setRecording(scratch);
      try {
        // prepare() takes exactly one statement, on top of the check above. A statement that
        // finds no row means that row was changed outside the history since (a note typed again).
        for (const row of rows) {
          if (this.db.prepare(row.sql).run().changes === 0) {
            problem = row.tbl === 'notes' ? 'the note has been edited since.' : 'what it changed has been changed since.';
            throw new RollBack();
          }
        }
      } finally {
        this.setRecording(null);
      }
      problem = this.inconsistency(rows);
      if (problem) throw new RollBack();
    });
    try {
      run();
    } catch (err) {
      if (err instanceof RollBack) return problem;
      // A constraint only fails when rows the step touched were changed outside the history (a merge).
      if (String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) return 'what it changed has been changed since.';
      throw err;
    }
    return problem;
  }

  /** Checks the rows a replay touched: live claims need a live document, live links live claims and relation, names stay unique. */
  private inconsistency(rows: readonly LogRow[]): string | null {
    const claims = new Set(rows.filter((r) => r.tbl === 'annotations' || r.tbl === 'annotation_tags').map((r) => r.row_id));
    const links = new Set(rows.filter((r) => r.tbl === 'links').map((r) => r.row_id));
    const orphanClaim = this.db.prepare(
      `SELECT 1 FROM annotations a JOIN documents d ON d.id = a.document_id
       WHERE a.id = ? AND a.deleted_at IS NULL AND d.deleted_at IS NOT NULL`,
    );
    for (const id of claims) if (orphanClaim.get(id)) return 'its document has been deleted.';
    const orphanLink = this.db.prepare(
      `SELECT f.deleted_at IS NOT NULL AS fromDead, t.deleted_at IS NOT NULL AS toDead, r.deleted_at IS NOT NULL AS relationDead
       FROM links l JOIN annotations f ON f.id = l.from_id JOIN annotations t ON t.id = l.to_id
         JOIN relation_types r ON r.id = l.relation_id
       WHERE l.id = ? AND l.deleted_at IS NULL`,
    );
    for (const id of links) {
      const row = orphanLink.get(id) as { fromDead: number; toDead: number; relationDead: number } | undefined;
      if (row?.relationDead) return 'its relation has been deleted.';
      if (row && (row.fromDead || row.toDead)) return 'one of its claims has been deleted.';
    }
    const tagProblem = this.treeInconsistency(new Set(rows.filter((r) => r.tbl === 'tags').map((r) => r.row_id)));
    if (tagProblem) return tagProblem;
    // The unique indexes fold ASCII only; names clash regardless of case in any script.
    for (const [table, what] of [['tags', 'tag'], ['relation_types', 'link type'], ['attributes', 'attribute']] as const) {
      const ids = new Set(rows.filter((r) => r.tbl === table).map((r) => r.row_id));
      if (ids.size === 0) continue;
      const live = this.db.prepare(`SELECT id, name FROM ${table} WHERE deleted_at IS NULL`).all() as { id: string; name: string }[];
      for (const row of live) {
        if (!ids.has(row.id)) continue;
        const name = row.name.toLowerCase();
        if (live.some((o) => o.id !== row.id && o.name.toLowerCase() === name)) return `another ${what} is called “${row.name}” now.`;
      }
    }
    return null;
  }

  /** Tags a replay touched must hang from a live parent and never be their own ancestor. */
  private treeInconsistency(tagIds: ReadonlySet<string>): string | null {
    if (tagIds.size === 0) return null;
    const parentOf = this.db.prepare('SELECT parent_id, deleted_at FROM tags WHERE id = ?');
    for (const id of tagIds) {
      const seen = new Set([id]);
      let row = parentOf.get(id) as { parent_id: string | null; deleted_at: string | null } | undefined;
      if (!row || row.deleted_at !== null) continue;
      while (row?.parent_id) {
        if (seen.has(row.parent_id)) return 'a tag would become its own ancestor.';
        seen.add(row.parent_id);
        row = parentOf.get(row.parent_id) as typeof row;
        if (!row || row.deleted_at !== null) return 'its parent tag has been deleted.';
      }
    }
    return null;
  }

  private setRecording(step: number | null): void {
    this.db.prepare('UPDATE undo_state SET step = ? WHERE id = 1').run(step);
  }

  private forget(deleteStepsReturningIds: string): void {
    const ids = this.db.prepare(deleteStepsReturningIds).pluck().all() as number[];
    const log = this.db.prepare('DELETE FROM undo_log WHERE step = ? OR step = ?');
    for (const id of ids) log.run(id, -id);
  }
}

const NOTE_OWNER_KINDS: readonly NoteKey['kind'][] = ['annotation', 'link', 'project', 'document', 'tag'];

function touchedBy(rows: readonly LogRow[]): Touched {
  const documents = new Set<string>();
  const notes = new Map<string, NoteKey>();
  for (const r of rows) {
    if (r.tbl === 'documents') documents.add(r.row_id);
    if (r.tbl === 'notes') {
      const at = r.row_id.indexOf(':');
      const kind = r.row_id.slice(0, at);
      if (NOTE_OWNER_KINDS.includes(kind as NoteKey['kind'])) notes.set(r.row_id, { kind: kind as NoteKey['kind'], id: r.row_id.slice(at + 1) });
    }
  }
  return { documents: [...documents], notes: [...notes.values()] };
}

/** Thrown to roll a savepoint back; never leaves this file. */
class RollBack extends Error {}
