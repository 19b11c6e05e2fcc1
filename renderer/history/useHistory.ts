import { useCallback, useMemo } from 'react';
import type { HistoryStep } from '../../shared/history';
import { ApiError, call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { linkMode } from '../links/linkMode';
import { describeStep } from './describeStep';
import { notesChangedByHistory } from './noteRevision';
import { savesSettled } from './pendingSaves';

/**
 * Undo and redo as the user sees them: each says what it did, or that there was nothing to do;
 * and toasts offer Undo bound to the exact step they were made for (see Toasts).
 */
export function useHistory() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const panes = state.layout.panes;

  /** `expected`: the step a button was made for; the backend refuses if history has moved past it. */
  const travel = useCallback(
    async (direction: 'undo' | 'redo', expected?: number) => {
      await savesSettled();
      if (expected === undefined) {
        // The history as the project has it now: a change made elsewhere (the CLI) counts too.
        const now = await actions.guard(() => call('history.state', {}));
        if (now && !(direction === 'undo' ? now.canUndo : now.canRedo)) {
          actions.notify('info', t(direction === 'undo' ? 'history.nothingToUndo' : 'history.nothingToRedo'));
          await actions.guard(() => actions.refresh('history'));
          return;
        }
      }
      actions.setPopover(null);
      linkMode.end();
      try {
        const done = await call(direction === 'undo' ? 'history.undo' : 'history.redo', expected === undefined ? {} : { expectedStep: expected });
        if (done.step.label.kind === 'note.clear' || done.step.label.kind === 'memo.clear') notesChangedByHistory();
        // A redone document deletion takes the document's pane with it, as the deletion did.
        if (done.step.label.kind === 'document.delete') {
          const live = new Set((await call('documents.list', {})).map((d) => d.id));
          for (const p of panes) if (!live.has(p.documentId)) actions.closePane(p.documentId);
        }
        actions.notify('info', t(direction === 'undo' ? 'history.undone' : 'history.redone', { what: describeStep(t, done.step.label) }));
      } catch (err) {
        const stale = expected !== undefined && err instanceof ApiError && err.code === 'conflict';
        actions.notify('error', stale ? t('history.stale') : (err as Error).message);
      }
      // A step may have touched any of these; what failed may have been forgotten.
      await actions.guard(() => actions.refresh('history', 'annotations', 'links', 'tags', 'documents', 'relations'));
    },
    [actions, panes, t],
  );

  /** A toast that says what was done, with Undo for exactly that step (none when nothing changed). */
  const offerUndo = useCallback(
    async (text: string, step: HistoryStep | null) => {
      // The toast's button is shown while its step is the newest, so the history must know it first.
      await actions.guard(() => actions.refresh('history'));
      actions.notify('info', text, undefined, step ? { label: t('command.edit.undo'), run: () => void travel('undo', step.id), step: step.id } : undefined);
    },
    [actions, t, travel],
  );

  return useMemo(() => ({ travel, offerUndo }), [travel, offerUndo]);
}
