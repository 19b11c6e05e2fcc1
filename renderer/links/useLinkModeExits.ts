import { useEffect } from 'react';
import type { ProjectInfo } from '../../shared/contract';
import { linkMode } from './linkMode';

/**
 * Esc and a change of project end link mode. Esc is heard in the capture phase on the window,
 * before any popover or field can stop it: closing a popover with Esc must not leave link mode on.
 */
export function useLinkModeExits(project: ProjectInfo | null) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') linkMode.end();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  useEffect(() => {
    linkMode.end();
  }, [project]);
}
