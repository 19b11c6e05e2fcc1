/**
 * The bridge between one open project and its team's shared document (Yjs through a Hocuspocus
 * server). The project file stays the source of truth; the document holds one record per item
 * (records.ts) in the map 'records'.
 *
 * - Local → team: the change log of migration 0015 says that something changed, whatever wrote it.
 *   The bridge exports the project as the share file does and sets, in one Yjs transaction, every
 *   record whose version differs from the team's.
 * - Team → local: records a colleague changed are read back as a share file and merged with the
 *   file merge against this team's bases, so edits made apart end as recorded conflicts (the later
 *   wins). Rows the merge writes are removed from the change log: they are not this user's changes,
 *   and sending them back would loop.
 * - Offline, the change log keeps counting; once the provider is synced again, colleagues' records
 *   are merged first and the pending changes are sent after.
 */
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { TeamPeer, TeamState } from '../../../shared/team';
import type { PeerSelection } from '../../../shared/team';
import { z } from 'zod';
import { exportCollection } from '../share/export';
import { Merge } from '../share/merge';
import type { Project } from '../store/project';
import { type Binding, pendingChanges, sourceOf } from './binding';
import { batchesOf, newestOf, parseRecord, type ReceivedRecord, readRecords, recordsOf, versionOf } from './records';
import { trackSaveBases } from './save-bases';
import { SharedTexts } from './shared-texts';

/** The origin of the bridge's own Yjs transactions, which its observer skips. */
const LOCAL = Symbol('crossread-local');
/** How often the change log is looked at (a max() on its primary key). */
const POLL_MS = 40;
/** Colleagues' records are merged in collections of at most this much JSON (the file reader allows 50 MB). */
const BATCH_BYTES = 16 * 1024 * 1024;
const PALETTE = ['#d9480f', '#1c7ed6', '#2b8a3e', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5c940d'];

/** A selection as colleagues share it: by the document's content hash. */
const SharedSelection = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const colorOf = (id: string): string => {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
};

export interface BridgeOptions {
  project: Project;
  binding: Binding;
  token: string;
  /** The name colleagues see. */
  author: string;
  /** The first time the team's document was synced (the binding is kept from then on). */
  onFirstSync?: () => void;
}

export class TeamBridge {
  readonly project: Project;
  readonly binding: Binding;
  private readonly doc = new Y.Doc();
  private readonly records = this.doc.getMap<string>('records');
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly source: string;
  private readonly name: string;
  private readonly incoming = new Set<string>();
  private readonly poll: NodeJS.Timeout;
  private connected = false;
  private everSynced = false;
  private synced = false;
  private refused = false;
  private stopped = false;
  private pushWanted = true;
  /**
   * The claims and links this project had before the team's records were merged in for a push of
   * everything: the others came from the team as they are there, so they need no comparing (null:
   * compare every claim).
   */
  private hadBefore: string[] | null = null;
  /** The keys merged in since hadBefore was taken. */
  private readonly mergedKeys = new Set<string>();
  private lastSeq = -1;
  /** The change-log position whose notes were last applied to the shared texts while offline. */
  private lastTextSeq = -1;
  /** Notes, memos and the summary, edited together (made at the first sync, when the doc holds the team's texts). */
  private texts: SharedTexts | null = null;
  /** The version of each record this side had at its last push. */
  private readonly seen = new Map<string, string>();
  private settle: (() => void)[] = [];
  offlineSince: string | null = null;
  revision = 0;
  /** Colleagues' words written into notes, memos or the summary here (shared-texts.ts). */
  textRevision = 0;
  error: string | null = null;

  constructor(opts: BridgeOptions) {
    this.project = opts.project;
    this.binding = opts.binding;
    this.source = sourceOf(opts.binding);
    // Conflicts list where a version came from; a team is named by its server's host.
    this.name = `team ${new URL(opts.binding.server).host}`;
    this.records.observe((event, tx) => {
      if (tx.origin === LOCAL) return;
      for (const key of event.keysChanged) this.incoming.add(key);
      // After the transaction: one update may carry a shared text's change with the record, and the
      // text must be bound (shared-texts.ts hears of it at the transaction's end) before the record
      // is merged, or the merge would take the note for a record of its own.
      queueMicrotask(() => this.tick());
    });
    this.socket = new HocuspocusProviderWebsocket({
      url: opts.binding.server,
      WebSocketPolyfill: WebSocket,
      // Reconnects soon after a dropped connection (the retry library refuses a delay below minDelay).
      delay: 250,
      minDelay: 250,
      factor: 1.5,
      maxDelay: 3000,
      maxAttempts: 0,
      onStatus: ({ status }) => this.onStatus(status),
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: opts.binding.projectKey,
      document: this.doc,
      token: opts.token,
      onAuthenticationFailed: ({ reason }) => this.refuse(reason),
      onSynced: ({ state }) => {
        this.synced = state;
        if (!state) return;
        if (!this.everSynced) {
          this.everSynced = true;
          this.texts = new SharedTexts({
            project: this.project,
            doc: this.doc,
            records: this.records,
            source: this.source,
            teamName: this.name,
            onError: (error) => {
              this.error = error.message;
            },
            onStored: () => {
              this.textRevision += 1;
            },
          });
          opts.onFirstSync?.();
        }
        this.offlineSince = null;
        this.error = null;
        this.pushWanted = true;
        this.tick();
        this.wake();
      },
    });
    this.provider.attach();
    this.provider.setAwarenessField('user', { id: opts.binding.userId, name: opts.author, color: colorOf(opts.binding.userId) });
    trackSaveBases(this.project, true);
    this.poll = setInterval(() => this.tick(), POLL_MS);
  }

  private onStatus(status: WebSocketStatus): void {
    if (status === WebSocketStatus.Connected) {
      this.connected = true;
      return;
    }
    if (status === WebSocketStatus.Disconnected) {
      if (this.connected || this.everSynced) this.offlineSince ??= new Date().toISOString();
      this.connected = false;
      this.synced = false;
      if (!this.everSynced && !this.refused) this.error = `Cannot reach the team server at ${this.binding.server}.`;
      this.wake();
    }
  }

  private refuse(reason: string): void {
    this.refused = true;
    this.error = `The team server refused this token${reason && reason !== 'permission-denied' ? ` (${reason.slice(0, 200)})` : ''}. Ask for a new one.`;
    this.stop();
  }

  /** Resolves once the first sync is done, the token was refused, or `ms` passed. */
  settled(ms: number): Promise<void> {
    if (this.everSynced || this.refused || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.settle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wake(): void {
    for (const f of this.settle.splice(0)) f();
  }

  /** Applies what colleagues changed, then sends what changed here; each only when there is something. */
  private tick(): void {
    if (this.stopped) return;
    try {
      if (!this.synced) {
        // Offline, saves to notes already shared go on into the doc, to be merged on reconnect.
        const seq = this.texts ? this.maxSeq() : this.lastTextSeq;
        if (seq !== this.lastTextSeq) this.texts?.pushChanged(true);
        this.lastTextSeq = seq;
        return;
      }
      this.texts?.bindArrived();
      if (this.incoming.size > 0) this.apply();
      const seq = this.maxSeq();
      if (seq !== this.lastSeq || this.pushWanted) {
        // The shared texts first: a colleague then has the merged text before the record saying it changed.
        this.texts?.pushChanged(false);
        this.push();
      }
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  private maxSeq(): number {
    return (this.project.database.prepare('SELECT coalesce(max(seq), 0) FROM sync_changes').pluck().get() as number) ?? 0;
  }

  private apply(): void {
    if (this.pushWanted && this.hadBefore === null) {
      this.hadBefore = this.project.database
        .prepare('SELECT id FROM annotations UNION ALL SELECT id FROM orphans UNION ALL SELECT id FROM links UNION ALL SELECT id FROM pending_links')
        .pluck()
        .all() as string[];
    }
    const received: ReceivedRecord[] = [];
    for (const key of this.incoming) {
      if (this.hadBefore) this.mergedKeys.add(key);
      const v = this.records.get(key);
      const r = typeof v === 'string' ? parseRecord(v) : null;
      if (r) received.push(r);
    }
    this.incoming.clear();
    for (const batch of batchesOf(received, BATCH_BYTES)) this.applyBatch(batch);
    this.texts?.pullAll();
  }

  private applyBatch(batch: ReceivedRecord[]): void {
    // Through the file reader: a colleague's records are checked like a colleague's file.
    const file = readRecords(batch, this.name);
    const db = this.project.database;
    const changed = this.project.write((now) => {
      const seq = this.maxSeq();
      const conflict = db.prepare('SELECT coalesce(max(id), 0) FROM merge_conflicts').pluck().get() as number;
      const merge = new Merge(this.project, file, this.name, now, {
        basesSource: this.source,
        keepHistory: true,
        keepFileTimes: true,
        ...(this.texts ? { textShared: this.texts.textShared } : {}),
      });
      merge.run();
      if (merge.laterHere) this.pushWanted = true;
      db.prepare('DELETE FROM sync_changes WHERE seq > ?').run(seq);
      // Where this side's version was kept, the team must get it (the later version wins everywhere).
      if (db.prepare("SELECT 1 FROM merge_conflicts WHERE id > ? AND losing_side = 'theirs'").get(conflict)) {
        this.pushWanted = true;
        this.hadBefore = null;
      }
      return merge.changed;
    });
    if (changed) this.revision += 1;
  }

  private push(): void {
    const everything = this.pushWanted;
    const hadBefore = this.hadBefore;
    this.pushWanted = false;
    this.hadBefore = null;
    const seq = this.maxSeq();
    const changed = this.claimsAndLinksChanged();
    const only = everything ? undefined : changed;
    // Everything, but of the claims only those that were here before the merge or changed since.
    const claimsAmong = everything && hadBefore && changed ? [...hadBefore, ...changed] : undefined;
    const local = recordsOf(
      exportCollection(this.project, { embedText: true, recordBases: true, basesSource: this.source, ...(only ? { only } : {}), ...(claimsAmong ? { claimsAmong } : {}) }),
    );
    this.doc.transact(() => {
      for (const [key, value] of local) {
        const theirs = this.records.get(key);
        const version = versionOf(value);
        const changedHere = this.seen.get(key) !== version;
        this.seen.set(key, version);
        if (theirs === value || (theirs !== undefined && versionOf(theirs) === version)) continue;
        // A record that did not change here is sent only when this side's version is the later one
        // (a conflict this side won); otherwise two sides that merged the same content with different
        // times (which the merge calls the same) would send it back and forth.
        if (changedHere || theirs === undefined || newestOf(value) > newestOf(theirs)) this.records.set(key, value);
      }
    }, LOCAL);
    if (claimsAmong) {
      // A claim taken from the team has the team's version here: as if this side had sent it.
      for (const key of this.mergedKeys) {
        const theirs = this.records.get(key);
        if (!local.has(key) && key.startsWith('item:') && typeof theirs === 'string') this.seen.set(key, versionOf(theirs));
      }
    }
    this.mergedKeys.clear();
    this.project.write(() => this.project.database.prepare('DELETE FROM sync_changes WHERE seq <= ?').run(seq));
    this.lastSeq = this.maxSeq();
  }

  /**
   * The claims and links the pending changes touched, when that is all they touched (the common
   * case: claims made, retagged, linked, annotated): then only those records are exported. Any other
   * change (a tag renamed shows in every claim that has it) exports the whole project.
   */
  private claimsAndLinksChanged(): string[] | undefined {
    const ids: string[] = [];
    for (const c of this.project.database.prepare('SELECT DISTINCT kind, id FROM sync_changes').all() as { kind: string; id: string }[]) {
      if (c.kind === 'annotation' || c.kind === 'link') ids.push(c.id);
      else if (c.kind === 'note' && (c.id.startsWith('annotation:') || c.id.startsWith('link:'))) ids.push(c.id.slice(c.id.indexOf(':') + 1));
      else return undefined;
    }
    return ids;
  }

  state(): TeamState {
    if (this.refused) return 'refused';
    if (this.stopped) return 'off';
    if (!this.synced) return this.offlineSince ? 'offline' : this.everSynced || this.error ? 'offline' : 'connecting';
    return this.incoming.size > 0 || pendingChanges(this.project) > 0 || this.provider.hasUnsyncedChanges ? 'syncing' : 'synced';
  }

  /** Colleagues connected now, with their selection (this user's own awareness is left out). */
  peers(): TeamPeer[] {
    const awareness = this.provider.awareness;
    if (!awareness || this.stopped) return [];
    const out: TeamPeer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === this.doc.clientID) continue;
      const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
      if (!user || typeof user.name !== 'string') continue;
      const selection = this.localSelection((state as { selection?: unknown }).selection);
      out.push({
        id: typeof user.id === 'string' ? user.id.slice(0, 200) : String(clientId),
        name: user.name.slice(0, 120),
        color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : colorOf(String(clientId)),
        selection,
      });
    }
    return out;
  }

  /**
   * Shares this user's selection. Each project has its own document ids, so colleagues are told the
   * document's content hash, the id both projects agree on.
   */
  setSelection(selection: PeerSelection | null): void {
    if (this.stopped) return;
    const doc = selection ? this.project.documents.list().find((d) => d.id === selection.documentId) : undefined;
    this.provider.setAwarenessField('selection', selection && doc ? { hash: doc.hash, start: selection.start, end: selection.end } : null);
  }

  /** A colleague's shared selection in this project's document ids (null when this project lacks the document). */
  private localSelection(raw: unknown): PeerSelection | null {
    const r = SharedSelection.safeParse(raw);
    if (!r.success) return null;
    const doc = this.project.documents.findByHash(r.data.hash);
    return doc ? { documentId: doc.id, start: r.data.start, end: r.data.end } : null;
  }

  /** Closes the connection; the project and its change log stay as they are. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.poll);
    trackSaveBases(this.project, false);
    // Destroyed after the current event: the provider may be calling us from inside its own handler.
    setImmediate(() => {
      this.texts?.dispose();
      this.provider.destroy();
      this.socket.destroy();
      this.doc.destroy();
    });
    this.wake();
  }
}
