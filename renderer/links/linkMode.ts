import { useSyncExternalStore } from 'react';

/**
 * Link mode: the claim a new link starts from, until the user picks the other end or leaves.
 * It has one owner so that every way out — Esc, another command, another project, undo, the
 * start claim picked again, the link made — clears the very same state; a second copy of it
 * somewhere (a popover's, a banner's) is how a forgotten link mode used to link the wrong claim.
 */
let from: string | null = null;
const listeners = new Set<() => void>();

function set(next: string | null) {
  if (from === next) return;
  from = next;
  for (const l of listeners) l();
}

export const linkMode = {
  start(claimId: string) {
    set(claimId);
  },
  end() {
    set(null);
  },
  /** The claim link mode started from, or null when it is off. */
  current(): string | null {
    return from;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The claim link mode started from, re-rendering when link mode starts or ends. */
export function useLinkingFrom(): string | null {
  return useSyncExternalStore(linkMode.subscribe, linkMode.current);
}
