import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Annotation, DocumentMeta, DocumentPatch, HistoryState, Layout, Link, NoteOwner, ProjectInfo, RelationType, Settings, Tag } from '../../shared/contract';
import { addPane, EMPTY_LAYOUT, keepPanes, resizePanes } from '../../shared/layout';
import { ApiError, call } from '../api/client';
import { linkMode } from '../links/linkMode';
import { useLayoutSaving } from './useLayoutSaving';

export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'progress';
  text: string;
  details?: string[];
  /** One button on the toast, e.g. Undo right after a deletion: bound to history `step` when given. */
  action?: { label: string; run(): void; step?: number };
}

export type Popover =
  /** Tagging new text; `rect` bounds the whole selection, which the popover must not cover. */
  | { mode: 'create'; documentId: string; start: number; end: number; rect: DOMRect; tagIds: string[] }
  /** Overlapping claims under a click: which one is meant. */
  | { mode: 'choose'; documentId: string; annotationIds: string[]; rect: DOMRect }
  /** Link mode's last step: pick the relation between two claims. */
  | { mode: 'link'; fromId: string; toId: string; rect: DOMRect };

export interface WorkspaceState {
  ready: boolean;
  settings: Settings;
  project: ProjectInfo | null;
  documents: DocumentMeta[];
  tags: Tag[];
  annotations: Annotation[];
  links: Link[];
  relations: RelationType[];
  history: HistoryState;
  layout: Layout;
  selectedId: string | null;
  popover: Popover | null;
  /** Claims sent to be saved: a pane paints them at once, until the saved claim takes their place. */
  saving: SavingClaim[];
  toasts: Toast[];
}

export interface SavingClaim {
  key: number;
  documentId: string;
  start: number;
  end: number;
  tagIds: string[];
}

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, undo: null, redo: null };
const EMPTY_PROJECT = {
  project: null,
  documents: [],
  tags: [],
  annotations: [],
  links: [],
  relations: [],
  history: NO_HISTORY,
  layout: EMPTY_LAYOUT,
  selectedId: null,
  popover: null,
  saving: [],
} satisfies Partial<WorkspaceState>;

/** What a change may have touched, so only that is fetched again. */
export type Part = 'documents' | 'tags' | 'annotations' | 'links' | 'relations' | 'history';

async function fetchPart(part: Part): Promise<Partial<WorkspaceState>> {
  switch (part) {
    case 'documents':
      return { documents: await call('documents.list', {}) };
    case 'tags':
      return { tags: await call('tags.list', {}) };
    case 'annotations':
      return { annotations: await call('annotations.list', {}) };
    case 'links':
      return { links: await call('links.list', {}) };
    case 'relations':
      return { relations: await call('relations.list', {}) };
    case 'history':
      return { history: await call('history.state', {}) };
  }
}

function useWorkspaceState() {
  const [state, setState] = useState<WorkspaceState>({
    ready: false,
    settings: { language: 'en', author: '' },
    ...EMPTY_PROJECT,
    toasts: [],
  });
  const patch = useCallback((p: Partial<WorkspaceState> | ((s: WorkspaceState) => Partial<WorkspaceState>)) => {
    setState((s) => ({ ...s, ...(typeof p === 'function' ? p(s) : p) }));
  }, []);

  const toastSeq = useRef(0);
  const savingSeq = useRef(0);
  const notify = useCallback(
    (kind: Toast['kind'], text: string, details?: string[], action?: Toast['action']) => {
      const id = ++toastSeq.current;
      patch((s) => ({ toasts: [...s.toasts, { id, kind, text, ...(details ? { details } : {}), ...(action ? { action } : {}) }] }));
      if (kind === 'info') setTimeout(() => patch((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), action ? 9000 : 5000);
      return id;
    },
    [patch],
  );
  const dismiss = useCallback((id: number) => patch((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), [patch]);

  /** Runs an action; a failure becomes an error toast with the backend's own message. */
  const guard = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await fn();
      } catch (err) {
        notify('error', err instanceof ApiError || err instanceof Error ? err.message : String(err));
        return undefined;
      }
    },
    [notify],
  );

  const loadProject = useCallback(async (project: ProjectInfo | null) => {
    linkMode.end();
    if (!project) {
      patch(EMPTY_PROJECT);
      return;
    }
    const parts = await Promise.all((['documents', 'tags', 'annotations', 'links', 'relations', 'history'] as const).map(fetchPart));
    const layout = await call('layout.get', {});
    patch(Object.assign({ ...EMPTY_PROJECT, project, layout }, ...parts));
  }, [patch]);

  /**
   * Fetches parts of the project again after a change that may have touched them. The history
   * comes too: every change is an undo step, and Undo buttons follow the newest one.
   */
  const refresh = useCallback(
    async (...parts: Part[]) => {
      const all = parts.includes('history') ? parts : [...parts, 'history' as const];
      patch(Object.assign({}, ...(await Promise.all(all.map(fetchPart)))));
    },
    [patch],
  );

  useEffect(() => {
    void (async () => {
      try {
        const [settings, project] = await Promise.all([call('settings.get', {}), call('project.current', {})]);
        patch({ settings });
        await loadProject(project);
      } catch (err) {
        notify('error', (err as Error).message);
      } finally {
        patch({ ready: true });
      }
    })();
  }, [loadProject, notify, patch]);

  const stateRef = useRef(state);
  stateRef.current = state;
  const pendingSave = useRef<Promise<Annotation | undefined> | null>(null);
  const { layoutRef, scrolls, saveLayoutNow, scheduleLayoutSave, setLayout, dropPendingSave } = useLayoutSaving(state.layout, state.project?.readOnly ?? true, patch);

  const actions = useMemo(() => {
    return {
      notify,
      dismiss,
      guard,
      /**
       * Switches to the project `open` opens (by path, by a file-browser handle, taking it over…);
       * `open` answers null when it handled a refusal itself and nothing should change.
       */
      async switchProject(open: () => Promise<ProjectInfo | null>) {
        await saveLayoutNow();
        await guard(async () => {
          const project = await open();
          if (project) await loadProject(project);
        });
      },
      async createProject(path: string) {
        await saveLayoutNow();
        await guard(async () => loadProject(await call('project.create', { path })));
      },
      async openSample() {
        await saveLayoutNow();
        await guard(async () => {
          const project = await call('project.openSample', {});
          await loadProject(project);
          // First visit: show the three interviews side by side.
          const docs = await call('documents.list', {});
          const layout = await call('layout.get', {});
          if (layout.panes.length === 0 && docs.length > 0) {
            // Saved at once: this closure predates the open project, so a scheduled save would see none.
            const first = docs.slice(0, 3).reduce((l, d) => addPane(l, d.id), layout);
            patch({ layout: project.readOnly ? first : await call('layout.set', first) });
          }
        });
      },
      /** Replaces the project with a backup (the backend backs up the current state first). True when it worked. */
      async restoreBackup(id: string) {
        await saveLayoutNow();
        const restored = await guard(async () => {
          await loadProject(await call('backups.restore', { id }));
          return true;
        });
        return restored === true;
      },
      /**
       * Reads the open project again: another program (the CLI) changed it, or the shell switched
       * projects (Open Recent, a file opened with Crossread). A layout save still pending belongs
       * to the project shown so far, which may no longer be the open one: it is dropped, not sent.
       */
      async reloadProject() {
        dropPendingSave();
        await guard(async () => loadProject(await call('project.current', {})));
      },
      async closeProject() {
        await saveLayoutNow();
        await guard(async () => {
          await call('project.close', {});
          await loadProject(null);
        });
      },
      async updateSettings(p: Partial<Settings>) {
        await guard(async () => patch({ settings: await call('settings.update', p) }));
      },
      async reloadDocuments() {
        patch({ documents: await call('documents.list', {}) });
      },
      async updateDocument(id: string, p: DocumentPatch) {
        return guard(async () => {
          const doc = await call('documents.update', { id, patch: p });
          patch((s) => ({ documents: s.documents.map((d) => (d.id === id ? doc : d)) }));
          await refresh('history');
          return doc;
        });
      },
      /** Deletes a document (an undo step); answers the step, or undefined when it failed. */
      async deleteDocument(id: string) {
        return guard(async () => {
          const done = await call('documents.delete', { id });
          setLayout((l) => keepPanes(l, (p) => p.documentId !== id));
          patch((s) => ({
            documents: s.documents.filter((d) => d.id !== id),
            annotations: s.annotations.filter((a) => a.documentId !== id),
          }));
          await refresh('links');
          return done;
        });
      },
      openDocument(id: string) {
        setLayout((l) => addPane(l, id));
      },
      closePane(documentId: string) {
        setLayout((l) => keepPanes(l, (p) => p.documentId !== documentId));
      },
      movePane(documentId: string, delta: -1 | 1) {
        setLayout((l) => {
          const panes = [...l.panes];
          const i = panes.findIndex((p) => p.documentId === documentId);
          const j = i + delta;
          if (i < 0 || j < 0 || j >= panes.length) return l;
          [panes[i], panes[j]] = [panes[j]!, panes[i]!];
          return { ...l, panes };
        });
      },
      resizePanes(weights: number[]) {
        setLayout((l) => resizePanes(l, weights));
      },
      /** Shows or hides the sidebar, the inspector or the view pane; the choice is saved with the layout. */
      setPanels(panels: Partial<Pick<Layout, 'sidebar' | 'inspector' | 'view' | 'connectors' | 'followLinks'>>) {
        setLayout((l) => ({ ...l, ...panels }));
      },
      rememberScroll(documentId: string, fraction: number) {
        scrolls.current.set(documentId, fraction);
        scheduleLayoutSave();
      },
      scrollOf(documentId: string): number {
        return scrolls.current.get(documentId) ?? layoutRef.current.panes.find((p) => p.documentId === documentId)?.scroll ?? 0;
      },
      setPopover(popover: Popover | null) {
        patch({ popover });
      },
      select(id: string | null) {
        patch({ selectedId: id });
      },
      /** Opens a claim for editing: selected, in the inspector, shown even if it was hidden. */
      showClaim(id: string) {
        patch({ selectedId: id, popover: null });
        if (!layoutRef.current.inspector) setLayout((l) => ({ ...l, inspector: true }));
      },
      /** The claim being saved last, while its save is under way: a command given meanwhile can wait for it. */
      pendingClaim(): Promise<Annotation | undefined> | null {
        return pendingSave.current;
      },
      async createAnnotation(documentId: string, start: number, end: number, tagIds: string[]) {
        // Painted in its tag's colour in this very frame, not a server round trip later (the
        // Annotate benchmark); if the save fails, the highlight goes and the error is shown.
        const key = ++savingSeq.current;
        const done = (s: WorkspaceState) => s.saving.filter((x) => x.key !== key);
        patch((s) => ({ saving: [...s.saving, { key, documentId, start, end, tagIds }] }));
        const selectedBefore = stateRef.current.selectedId;
        const saved = guard(async () => {
          const a = await call('annotations.create', { documentId, start, end, tagIds });
          // The new claim is the selected one, so L links it at once. The inspector is a column of
          // its own, so selecting does not reflow the text being read. A claim the user picked
          // meanwhile stays the selected one.
          patch((s) => ({ annotations: [...s.annotations, a], saving: done(s), selectedId: s.selectedId === selectedBefore ? a.id : s.selectedId }));
          await refresh('history');
          return a;
        });
        pendingSave.current = saved;
        const created = await saved;
        if (pendingSave.current === saved) pendingSave.current = null;
        if (!created) patch((s) => ({ saving: done(s) }));
        return created;
      },
      async setAnnotationTags(id: string, tagIds: string[]) {
        await guard(async () => {
          const a = await call('annotations.update', { id, tagIds });
          patch((s) => ({ annotations: s.annotations.map((x) => (x.id === id ? a : x)) }));
          await refresh('history');
        });
      },
      /** Deletes a claim with its links (an undo step); answers the step, or undefined when it failed. */
      async deleteAnnotation(id: string) {
        return guard(async () => {
          const done = await call('annotations.delete', { id });
          patch((s) => ({
            annotations: s.annotations.filter((x) => x.id !== id),
            // Only close what shows the deleted claim: the user may already be making the next one.
            selectedId: s.selectedId === id ? null : s.selectedId,
          }));
          if (linkMode.current() === id) linkMode.end();
          // Its links went with it.
          await refresh('links', 'history');
          return done;
        });
      },
      async createTag(name: string, color?: string) {
        return guard(async () => {
          const tag = await call('tags.create', color ? { name, color } : { name });
          await refresh('tags');
          return tag;
        });
      },
      async updateTag(id: string, p: { name?: string; color?: string }): Promise<boolean> {
        const done = await guard(async () => {
          await call('tags.update', { id, ...p });
          await refresh('tags');
          return true;
        });
        return done === true;
      },
      refresh,
      /** Keeps list excerpts in step with a note that was just saved. */
      setNoteText(owner: NoteOwner, noteText: string) {
        if (owner.kind === 'annotation') patch((s) => ({ annotations: s.annotations.map((a) => (a.id === owner.id ? { ...a, noteText } : a)) }));
        else patch((s) => ({ links: s.links.map((l) => (l.id === owner.id ? { ...l, noteText } : l)) }));
      },
      startLinking(fromId: string) {
        linkMode.start(fromId);
        patch({ popover: null });
      },
      async createLink(fromId: string, toId: string, relationId: string) {
        return guard(async () => {
          const link = await call('links.create', { fromId, toId, relationId });
          linkMode.end();
          patch((s) => ({ links: [...s.links, link], popover: null }));
          await refresh('history');
          return link;
        });
      },
      async updateLink(id: string, relationId: string) {
        await guard(async () => {
          const link = await call('links.update', { id, relationId });
          patch((s) => ({ links: s.links.map((l) => (l.id === id ? link : l)) }));
          await refresh('history');
        });
      },
      async deleteLink(id: string) {
        await guard(async () => {
          await call('links.delete', { id });
          patch((s) => ({ links: s.links.filter((l) => l.id !== id) }));
          await refresh('history');
        });
      },
      /** Deletes a tag (an undo step); answers the step, or undefined when it failed. */
      async deleteTag(id: string) {
        return guard(async () => {
          const done = await call('tags.delete', { id });
          await refresh('tags', 'annotations');
          return done;
        });
      },
    };
  }, [dismiss, guard, loadProject, notify, patch, refresh, saveLayoutNow, scheduleLayoutSave, setLayout, dropPendingSave, layoutRef, scrolls]);

  return { state, actions };
}

export type Workspace = ReturnType<typeof useWorkspaceState>;
const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ children }: { children: (ws: Workspace) => ReactNode }) {
  const ws = useWorkspaceState();
  return <WorkspaceContext.Provider value={ws}>{children(ws)}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside WorkspaceProvider');
  return ws;
}
