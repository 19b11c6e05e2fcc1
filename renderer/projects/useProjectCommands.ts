import { useCallback, useState } from 'react';
import type { ProjectInfo } from '../../shared/contract';
import { ApiError, call, callShell } from '../api/client';
import { useWorkspace } from '../app/workspace';

/**
 * New/open project: the desktop shell answers with a native dialog; browser mode has none, so the
 * in-page project browser takes its place. Every way of opening goes through `open`, so a project
 * another Crossread holds offers the same take-over prompt whichever way it was chosen.
 */
export function useProjectCommands() {
  const { actions } = useWorkspace();
  const [browser, setBrowser] = useState<'new' | 'open' | null>(null);
  const [locked, setLocked] = useState<{ message: string; takeOver(): void } | null>(null);

  /** Opens with `opener(false)`; a project held elsewhere asks before `opener(true)` takes it over. */
  const open = useCallback(
    (opener: (takeOver: boolean) => Promise<ProjectInfo>) =>
      actions.switchProject(async () => {
        // The choice is made: the browser closes, and a refusal shows as any failed action does.
        setBrowser(null);
        try {
          return await opener(false);
        } catch (err) {
          if (!(err instanceof ApiError) || err.code !== 'locked') throw err;
          setLocked({
            message: err.message,
            takeOver: () => {
              setLocked(null);
              void actions.switchProject(() => opener(true));
            },
          });
          return null;
        }
      }),
    [actions],
  );

  const ask = useCallback(
    async (mode: 'new' | 'open') => {
      const picked = await actions.guard(() => callShell(mode === 'new' ? 'dialog.createProject' : 'dialog.openProject'));
      if (picked === undefined) setBrowser(mode);
      else if (picked && mode === 'new') await actions.createProject(picked.path);
      else if (picked) await open((takeOver) => call('project.open', { path: picked.path, takeOver }));
    },
    [actions, open],
  );

  return {
    browser,
    locked,
    ask,
    closeBrowser: () => setBrowser(null),
    cancelTakeOver: () => setLocked(null),
    /** A project file the server listed (file browser or recent list), by its handle. */
    openEntry: (id: string) => open((takeOver) => call('project.openEntry', { id, takeOver })),
    /** A new project in a folder the server listed; errors stay in the browser, which shows them. */
    createIn: async (folder: string, name: string) => {
      const project = await call('project.createIn', { folder, name });
      setBrowser(null);
      await actions.switchProject(() => Promise.resolve(project));
      return project;
    },
  };
}
