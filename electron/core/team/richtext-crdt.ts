/**
 * Notes, memos and the dossier summary edited together, character by character.
 *
 * Each rich-text field of a connected project is one Y.XmlText in the project's shared Y.Doc, in
 * the layout of Lexical's own collaboration binding (@lexical/yjs), so the Yjs document the team
 * server holds is the one a Lexical CollaborationPlugin would write. The core keeps a headless
 * Lexical editor per open field, with the same nodes the note editor registers, bound to that
 * Y.XmlText.
 *
 * API (Node only):
 * - `new RichTextReplica(doc, root, id)` binds one field's Y.XmlText (`root`, integrated in `doc`).
 *   - `applyLocal(json, base?)`: the user saved a new editor state (as the renderer stores it). It
 *     is validated like any saved note, then matched against the live tree (richtext-reconcile.ts),
 *     so the binding writes only what changed: typing in one paragraph while a colleague types in
 *     another, or elsewhere in the same paragraph, merges character by character. A caller whose
 *     editor may not show every remote change yet passes `base`, the state that editor started
 *     from: then only the user's own change is applied, and the colleague's text is kept.
 *   - `current()`: the editor state as JSON, with every remote change applied so far.
 *   - `onRemoteChange(cb)`: called with that JSON after each change that came from elsewhere.
 *   - `onRefused(cb)` / `refusal`: a remote change over the limits (richtext-limits.ts) is not
 *     applied; the replica keeps the last accepted state, refuses further local saves, and says why.
 *   - `destroy()`: stops observing the document.
 * - `RichTextRegistry(doc)`: one replica per field key, created on demand (`replica(key)`); the
 *   keys in use are listed in the doc's Y.Map 'richtext' (key → kind of field).
 * - `seedRichText(doc, key, json)`: a field's first state, written so that two desktops seeding the
 *   same note from their project files write it once.
 * - Keys (`richTextKey`): `note:annotation:<id>`, `note:link:<id>`, `memo:project`,
 *   `memo:document:<id>`, `memo:tag:<id>`, `summary`.
 *
 * Each field's Y.XmlText is a top-level type of the doc named `richtext:<key>`, not a value inside
 * the 'richtext' map: two replicas that each create the same field while apart would both set the
 * map's key, and Yjs keeps one of the two values — with all the text typed into the other. Top-level
 * types of the same name are the same type on every replica, so both sides' text survives.
 */
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import { COLLABORATION_TAG, createEditor, HISTORIC_TAG, SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { AppError } from '../errors';
import { noteText } from '../notes/lexical';
import { checkSharedNote } from './richtext-limits';
import { $reconcileRoot, type JsonNode } from './richtext-reconcile';

/** The nodes renderer/notes/RichTextField.tsx registers (Lexical's built-ins come with every editor). */
const NOTE_NODES = [ListNode, ListItemNode, LinkNode];

/**
 * The binding asks a provider for awareness (cursors) only; a headless editor has no selection to
 * share, so a provider with no local state makes it skip that part. Presence is the sync bridge's.
 */
const NO_AWARENESS: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => undefined,
    off: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
};

type Listener<T> = (value: T) => void;

/**
 * The live replica of each shared type: a second binding over the same Y.XmlText would replace the
 * collab nodes the first one cached on it, and both editors would then read a half-built tree.
 */
const bound = new WeakMap<Y.XmlText, RichTextReplica>();

export class RichTextReplica {
  private readonly editor: LexicalEditor;
  private readonly binding: Binding;
  private readonly remoteListeners = new Set<Listener<string>>();
  private readonly refusedListeners = new Set<Listener<AppError>>();
  private refused: AppError | null = null;
  /** Set while a local save runs, so an error in it is the saver's, not a colleague's. */
  private localError: { error: Error | null } | null = null;
  private readonly observer: (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void;
  private readonly removeUpdateListener: () => void;

  constructor(
    readonly doc: Y.Doc,
    readonly root: Y.XmlText,
    readonly id: string,
  ) {
    if (root.doc !== doc) throw new AppError('internal', 'A shared note must belong to the document it is bound in.');
    if (bound.has(root)) throw new AppError('internal', 'This shared note already has a replica; use RichTextReplica.of to reach it.');
    bound.set(root, this);
    this.editor = createEditor({
      namespace: `crossread-team:${id}`,
      nodes: NOTE_NODES,
      onError: (error) => {
        if (this.localError) this.localError.error = error;
        // Lexical's messages can name what the change held; the user is told only what happened.
        else this.refuse(new AppError('bad-input', "A colleague's change to this note could not be applied. The note keeps its last accepted text."));
      },
    });
    this.binding = createYjsBinding({ editor: this.editor, id, doc, docMap: new Map([[id, doc]]), getXmlText: () => root });

    this.removeUpdateListener = this.editor.registerUpdateListener((update) => {
      const { prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags } = update;
      if (!tags.has(SKIP_COLLAB_TAG)) {
        syncLexicalUpdateToYjs(this.binding, NO_AWARENESS, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
      }
      if (tags.has(COLLABORATION_TAG) || tags.has(HISTORIC_TAG)) {
        const json = JSON.stringify(editorState.toJSON());
        for (const cb of this.remoteListeners) cb(json);
      }
    });

    this.observer = (events, transaction) => {
      if (transaction.origin === this.binding || this.refused) return;
      const problem = checkSharedNote(root);
      if (problem) {
        this.refuse(problem);
        return;
      }
      try {
        syncYjsChangesToLexical(this.binding, NO_AWARENESS, events as Y.YEvent<Y.Text>[], false, () => undefined);
        // The binding's update is batched to a later microtask; a read commits it now, so whoever
        // applied the remote update finds the note (and the project file) current when it returns.
        this.editor.read(() => undefined);
      } catch {
        // Thrown out of an observer it would break the provider's transaction, not just this note.
        this.refuse(new AppError('bad-input', "A colleague's change to this note could not be applied. The note keeps its last accepted text."));
      }
    };
    root.observeDeep(this.observer);
    if (root.length > 0) this.loadExisting();
  }

  /**
   * Stores a new state of the field as the user saved it; throws bad-input (nothing written) when
   * it is not a valid note. `base` is the state the user's editor started from, when the caller
   * knows it: only the user's change from it is applied, so colleagues' changes the editor had not
   * shown yet are kept. Without it the save is taken as made on the current state.
   */
  applyLocal(json: string, base?: string): void {
    if (this.refused) throw this.refused;
    noteText(json);
    if (base !== undefined) noteText(base);
    const next = (JSON.parse(json) as { root: JsonNode }).root;
    const live = this.editor.read(() => this.editor.getEditorState().toJSON().root) as unknown as JsonNode;
    const from = base === undefined ? live : (JSON.parse(base) as { root: JsonNode }).root;
    const sink: { error: Error | null } = { error: null };
    this.localError = sink;
    try {
      this.editor.update(() => $reconcileRoot(from, next, live), { discrete: true });
    } finally {
      this.localError = null;
    }
    // A failed update is discarded whole, before the binding writes anything to the doc.
    if (sink.error) throw new AppError('bad-input', 'The note could not be saved: its structure is not one the editor accepts.');
  }

  /** The field's editor state as JSON, remote changes included. */
  current(): string {
    return this.editor.read(() => JSON.stringify(this.editor.getEditorState().toJSON()));
  }

  /** The field's plain text (as the notes store derives it), remote changes included. */
  text(): string {
    return noteText(this.current());
  }

  onRemoteChange(cb: Listener<string>): () => void {
    this.remoteListeners.add(cb);
    return () => this.remoteListeners.delete(cb);
  }

  onRefused(cb: Listener<AppError>): () => void {
    this.refusedListeners.add(cb);
    return () => this.refusedListeners.delete(cb);
  }

  /** Why a remote change was refused, or null while every change has been accepted. */
  get refusal(): AppError | null {
    return this.refused;
  }

  destroy(): void {
    this.root.unobserveDeep(this.observer);
    this.removeUpdateListener();
    if (bound.get(this.root) === this) bound.delete(this.root);
  }

  /** The live replica bound to `root`, if any. */
  static of(root: Y.XmlText): RichTextReplica | undefined {
    return bound.get(root);
  }

  /** A field that already has content in the doc (it was synced before this replica was made). */
  private loadExisting(): void {
    const problem = checkSharedNote(this.root);
    if (problem) {
      this.refuse(problem);
      return;
    }
    const collabRoot = this.binding.root;
    this.editor.update(
      () => {
        collabRoot.applyChildrenYjsDelta(this.binding, this.root.toDelta());
        collabRoot.syncChildrenFromYjs(this.binding);
      },
      { discrete: true, tag: COLLABORATION_TAG },
    );
  }

  private refuse(error: AppError): void {
    if (this.refused) return;
    this.refused = error;
    for (const cb of this.refusedListeners) cb(error);
  }
}

/** What a shared rich-text field belongs to. */
export type RichTextOwner =
  | { kind: 'note'; owner: 'annotation' | 'link'; id: string }
  | { kind: 'memo'; owner: 'project' }
  | { kind: 'memo'; owner: 'document' | 'tag'; id: string }
  | { kind: 'summary' };

export function richTextKey(owner: RichTextOwner): string {
  switch (owner.kind) {
    case 'note':
      return `note:${owner.owner}:${owner.id}`;
    case 'memo':
      return owner.owner === 'project' ? 'memo:project' : `memo:${owner.owner}:${owner.id}`;
    case 'summary':
      return 'summary';
  }
}

const KEY_PATTERN = /^(?:note:(?:annotation|link):[\w-]{1,64}|memo:project|memo:(?:document|tag):[\w-]{1,64}|summary)$/;

/** The owner a key names; throws bad-input for anything that is not a key `richTextKey` makes. */
export function parseRichTextKey(key: string): RichTextOwner {
  if (!KEY_PATTERN.test(key)) throw new AppError('bad-input', 'That is not the key of a note, memo or summary.');
  const [kind, owner, id] = key.split(':') as [string, string, string | undefined];
  if (kind === 'summary') return { kind: 'summary' };
  if (kind === 'note') return { kind: 'note', owner: owner as 'annotation' | 'link', id: id! };
  return owner === 'project' ? { kind: 'memo', owner: 'project' } : { kind: 'memo', owner: owner as 'document' | 'tag', id: id! };
}

/** The name of a field's Y.XmlText among the doc's top-level types. */
export const richTextTypeName = (key: string) => `richtext:${key}`;

/**
 * Writes a field's first state into the doc so that seeding the same state twice is seeding it
 * once. Two desktops that both hold a note from their project files, and both find the shared
 * field empty, would otherwise each insert it and the note would read twice. Here the state is
 * written by a scratch doc whose client id is derived from the key and the state: the same note
 * gives the same Yjs items, which the doc merges into one; different notes both survive.
 */
export function seedRichText(doc: Y.Doc, key: string, json: string): void {
  noteText(json);
  const digest = createHash('sha256').update(key).update('\0').update(json).digest();
  const scratch = new Y.Doc();
  scratch.clientID = digest.readUInt32BE(0);
  const replica = new RichTextReplica(scratch, scratch.get(richTextTypeName(key), Y.XmlText) as Y.XmlText, key);
  try {
    replica.applyLocal(json);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch), 'seed');
  } finally {
    replica.destroy();
    scratch.destroy();
  }
}

/** The replicas of one shared doc's rich-text fields, one per key. */
export class RichTextRegistry {
  private readonly replicas = new Map<string, RichTextReplica>();
  /** Keys of the fields that exist in the doc, so a joining replica can list them. */
  readonly index: Y.Map<string>;

  constructor(readonly doc: Y.Doc) {
    this.index = doc.getMap<string>('richtext');
  }

  /** The replica of the field named by `key`, created (and listed in the index) on first use. */
  replica(key: string): RichTextReplica {
    const existing = this.replicas.get(key);
    if (existing) return existing;
    const owner = parseRichTextKey(key);
    const root = this.doc.get(richTextTypeName(key), Y.XmlText) as Y.XmlText;
    if (!this.index.has(key)) this.index.set(key, owner.kind);
    const replica = RichTextReplica.of(root) ?? new RichTextReplica(this.doc, root, key);
    this.replicas.set(key, replica);
    return replica;
  }

  /** The keys of every field any replica has listed. */
  keys(): string[] {
    return [...this.index.keys()].filter((key) => KEY_PATTERN.test(key)).sort();
  }

  destroy(): void {
    for (const replica of this.replicas.values()) replica.destroy();
    this.replicas.clear();
  }
}
