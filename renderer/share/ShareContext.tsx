import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnchorHealth, MergeConflict, Orphan, SharePreview } from '../../shared/share';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';

/** Where an annotation file comes from: picked in the page (browser mode) or by the native dialog. */
export type ShareSource = { file: { name: string; dataBase64: string } } | { path: string };

export interface ShareState {
  anchors: Map<string, AnchorHealth>;
  orphans: Orphan[];
  conflicts: MergeConflict[];
  dialog: 'export' | 'review' | null;
  /** The import being previewed: while its job runs, `result` is null and `progress` says how far it got. */
  preview: { source: ShareSource; result: SharePreview | null; progress: { jobId: string; done: number; total: number } | null } | null;
  /** The orphan being re-attached: the user is selecting its text in a pane. */
  reattach: Orphan | null;
}

function useShareState() {
  const { state } = useWorkspace();
  const [s, setS] = useState<ShareState>({ anchors: new Map(), orphans: [], conflicts: [], dialog: null, preview: null, reattach: null });
  const projectPath = state.project?.path ?? null;
  /** Browser mode's file input for annotation files (rendered by ShareUi). */
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    if (!projectPath) {
      setS((x) => ({ ...x, anchors: new Map(), orphans: [], conflicts: [], reattach: null }));
      return;
    }
    const [anchors, orphans, conflicts] = await Promise.all([call('share.anchors', {}), call('share.orphans', {}), call('share.conflicts', {})]);
    setS((x) => ({ ...x, anchors: new Map(anchors.map((a) => [a.annotationId, a])), orphans, conflicts }));
  }, [projectPath]);

  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);

  const actions = useMemo(
    () => ({
      refresh,
      open: (dialog: ShareState['dialog']) => setS((x) => ({ ...x, dialog })),
      setPreview: (preview: ShareState['preview']) => setS((x) => ({ ...x, preview })),
      setReattach: (reattach: Orphan | null) => setS((x) => ({ ...x, reattach, dialog: null })),
    }),
    [refresh],
  );
  return { state: s, actions, fileInput };
}

export type Share = ReturnType<typeof useShareState>;
const ShareContext = createContext<Share | null>(null);

/** State of the sharing feature: anchor health, orphans, conflicts, and its dialogs. */
export function ShareProvider({ children }: { children: ReactNode }) {
  const share = useShareState();
  return <ShareContext.Provider value={share}>{children}</ShareContext.Provider>;
}

export function useShare(): Share {
  const share = useContext(ShareContext);
  if (!share) throw new Error('useShare outside ShareProvider');
  return share;
}
