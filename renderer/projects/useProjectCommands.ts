import { useCallback, useState } from 'react';
import { call, callShell } from '../api/client';
import { useWorkspace } from '../app/workspace';

/**
 * New/open project: the desktop shell answers with a native dialog; browser mode has none, so the
 * in-page path dialog takes its place.
 */
export function useProjectCommands() {
  const { actions } = useWorkspace();
  const [pathDialog, setPathDialog] = useState<'new' | 'open' | null>(null);
  const [initialPath, setInitialPath] = useState('');
  const ask = useCallback(
    async (mode: 'new' | 'open') => {
      const picked = await actions.guard(() => callShell(mode === 'new' ? 'dialog.createProject' : 'dialog.openProject'));
      if (picked === undefined) {
        const info = mode === 'new' ? await actions.guard(() => call('app.info', {})) : undefined;
        setInitialPath(info ? `${info.defaultProjectDir}/Research.crossread` : '');
        setPathDialog(mode);
      } else if (picked) await (mode === 'new' ? actions.createProject(picked.path) : actions.openProject(picked.path));
    },
    [actions],
  );
  const submitPath = useCallback(
    async (path: string) => {
      const mode = pathDialog;
      setPathDialog(null);
      await (mode === 'new' ? actions.createProject(path) : actions.openProject(path));
    },
    [actions, pathDialog],
  );
  return { pathDialog, initialPath, ask, submitPath, closePathDialog: () => setPathDialog(null) };
}
