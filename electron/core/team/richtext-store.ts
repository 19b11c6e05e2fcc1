/**
 * A shared rich-text field tied to the place the project file keeps it: a claim's or link's note
 * (notes table), a memo (notes table, through Memos), the dossier summary (project meta). The
 * project file stays the app's source of truth; the shared doc carries the field between desktops.
 *
 * `bindRichText(doc, project, key, options)` — for the sync bridge, one call per field it shares:
 * - on binding, an empty shared field is seeded from the project file (seedRichText: two desktops
 *   seeding the same note write it once); a field the doc already has is written to the project
 *   file, the doc winning (the bridge keeps the doc's state between sessions, so saves made here
 *   while offline are in it already). Bind after the provider's first sync, so a field the server
 *   has is not taken for empty;
 * - `pushLocal(base?)`: call after the user saved the field (a notes, memo or summary save); it
 *   applies the stored state to the replica, which sends only what changed. `base` is the state the
 *   saving editor had loaded, when the caller knows it (see RichTextReplica.applyLocal). Calling it
 *   when nothing changed (after a remote change was written, say) sends nothing;
 * - remote changes are written to the project file as they arrive. They are not undo steps (undo
 *   stays with the user's own steps), and a note whose claim or link was deleted here is not
 *   written: whether the owner comes back is the record sync's decision;
 * - `onError` hears of remote changes that could not be stored (a read-only file) or were refused
 *   (richtext-limits.ts); `dispose()` unbinds.
 */
import type * as Y from 'yjs';
import { richTextFromLexical, richTextToHtml } from '../../../shared/richtext';
import { readSummary, SUMMARY_KEY } from '../export/settings';
import { AppError } from '../errors';
import { Memos } from '../memos/memos';
import { noteText } from '../notes/lexical';
import type { NoteKey } from '../store/notes';
import type { Project } from '../store/project';
import { parseRichTextKey, RichTextRegistry, seedRichText, type RichTextOwner, type RichTextReplica } from './richtext-crdt';

export interface BindRichTextOptions {
  /** The name written as the author of a remote change (the colleague's, when the bridge knows it). */
  author: string;
  /**
   * Which side a field both hold starts from: 'doc' (the default) writes the doc's state to the
   * project file; 'stored' applies the project file's state to the doc as a local save (for a field
   * first bound while this side has a change of it the team has not seen).
   */
  prefer?: 'doc' | 'stored';
  /** With prefer 'stored': the state the saving editor started from (only the change from it is applied). */
  base?: string;
  onError?(error: AppError): void;
  /** The field was written with text the user's own save did not hold (a colleague's). */
  onStored?(): void;
}

export interface BoundRichText {
  readonly replica: RichTextReplica;
  /** With prefer 'stored': the doc's state the project file's was applied over (null when none was). */
  readonly replacedDocState: string | null;
  pushLocal(base?: string): void;
  /** Writes the doc's state to the project file where it differs (its owner may have arrived since). */
  pull(): void;
  dispose(): void;
}

/** Two states of a field are the same note when they read as the same HTML (as the file merge compares them). */
const htmlOf = (json: string) => richTextToHtml(richTextFromLexical(json));

/** Registries per doc, so every field of one doc shares one (and one replica per field). */
const registries = new WeakMap<Y.Doc, RichTextRegistry>();

export function bindRichText(doc: Y.Doc, project: Project, key: string, options: BindRichTextOptions): BoundRichText {
  const owner = parseRichTextKey(key);
  let registry = registries.get(doc);
  if (!registry) registries.set(doc, (registry = new RichTextRegistry(doc)));
  const replica = registry.replica(key);
  const field = new StoredField(project, owner);

  const report = (error: unknown) => {
    const appError = error instanceof AppError ? error : new AppError('internal', `A colleague's change to a note could not be stored: ${(error as Error).message}`);
    options.onError?.(appError);
  };
  // The field as this binding last wrote or applied it. A field that reads otherwise holds a save
  // of the user's not applied to the shared text yet: a colleague's change arriving first must not
  // overwrite it; pushLocal merges the two and writes the result.
  let synced: string | null = null;
  const store = (json: string) => {
    try {
      const now = field.read();
      if (now === null || htmlOf(now) !== htmlOf(json)) {
        field.write(json, options.author);
        options.onStored?.();
      }
      synced = field.read();
    } catch (error) {
      report(error);
    }
  };
  const onRemote = (json: string) => {
    if (synced !== null && field.read() !== synced) return;
    store(json);
  };

  const stored = field.read();
  let replacedDocState: string | null = null;
  if (replica.root.length === 0) {
    if (stored !== null && noteText(stored).trim() !== '') seedRichText(doc, key, stored);
    synced = stored;
  } else if (replica.refusal) {
    // The doc's state was refused; the project file keeps its own.
  } else if (options.prefer === 'stored' && stored !== null) {
    replacedDocState = replica.current();
    replica.applyLocal(stored, options.base);
    store(replica.current());
  } else {
    store(replica.current());
  }

  const offRemote = replica.onRemoteChange(onRemote);
  const offRefused = replica.onRefused(report);
  return {
    replica,
    replacedDocState,
    pushLocal(base?: string) {
      const json = field.read();
      if (json === null) return;
      replica.applyLocal(json, base);
      // Colleagues' text the saving editor did not show is kept in the shared text; the file gets it too.
      store(replica.current());
    },
    pull() {
      if (replica.refusal || replica.root.length === 0) return;
      // Never over a save of the user's not applied yet (pushLocal writes the merge of both).
      if (synced !== null && field.read() !== synced) return;
      store(replica.current());
    },
    dispose() {
      offRemote();
      offRefused();
    },
  };
}

/** Reads and writes one field where the project file keeps it, without making undo steps. */
class StoredField {
  constructor(
    private readonly project: Project,
    private readonly owner: RichTextOwner,
  ) {}

  read(): string | null {
    const o = this.owner;
    if (o.kind === 'summary') return readSummary(this.project)?.json ?? null;
    const key = this.noteKey(false);
    return key ? (this.project.notes.row(key)?.json ?? null) : null;
  }

  write(json: string, author: string): void {
    const text = noteText(json);
    if (this.owner.kind === 'summary') {
      this.project.write((now) => this.project.meta.set(SUMMARY_KEY, JSON.stringify({ json, text, author, modifiedAt: now })));
      return;
    }
    this.project.write((now) => {
      const key = this.noteKey(true);
      if (key) this.project.notes.store(key, json, author, now);
    });
  }

  /** The notes-table key of a note or memo whose owner is live here; null otherwise. */
  private noteKey(create: boolean): NoteKey | null {
    const o = this.owner;
    if (o.kind === 'summary') return null;
    try {
      if (o.kind === 'note') {
        this.project.notes.get({ kind: o.owner, id: o.id });
        return { kind: o.owner, id: o.id };
      }
      return new Memos(this.project).key(o.owner === 'project' ? { kind: 'project' } : { kind: o.owner, id: o.id }, create);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not-found') return null;
      throw error;
    }
  }
}
