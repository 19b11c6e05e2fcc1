import type { DragEvent } from 'react';

/** The drag data of a claim dragged onto the matrix: its id, under a type no other drop target reads. */
export const CLAIM_DRAG_TYPE = 'application/x-crossread-claim';

export function startClaimDrag(e: DragEvent, claimId: string): void {
  e.dataTransfer.setData(CLAIM_DRAG_TYPE, claimId);
  e.dataTransfer.effectAllowed = 'copy';
}

/** Whether a drag carries a claim (its data can only be read on drop; its type at any time). */
export function isClaimDrag(e: { dataTransfer: DataTransfer | null }): boolean {
  return !!e.dataTransfer?.types.includes(CLAIM_DRAG_TYPE);
}
