import { useCallback } from 'react';
import type { ViewKind } from '../../shared/contract';
import { useWorkspace } from '../app/workspace';

/** A view pane opens with this share of the row the first time. */
const FIRST_SHARE = 0.4;

/** Opens, switches, resizes and closes the view pane; the choice is saved with the layout. */
export function useViewPane() {
  const { state, actions } = useWorkspace();
  const view = state.layout.view;
  const open = useCallback(
    (kind: ViewKind) => actions.setPanels({ view: { kind, share: view?.share ?? FIRST_SHARE } }),
    [actions, view?.share],
  );
  /** The key of a view toggles it: opens it, or closes the pane when it is the view shown. */
  const toggle = useCallback(
    (kind: ViewKind) => (view?.kind === kind ? actions.setPanels({ view: null }) : open(kind)),
    [actions, open, view?.kind],
  );
  const close = useCallback(() => actions.setPanels({ view: null }), [actions]);
  const resize = useCallback(
    (share: number) => view && actions.setPanels({ view: { ...view, share: Math.min(0.9, Math.max(0.1, share)) } }),
    [actions, view],
  );
  return { view, open, toggle, close, resize };
}
