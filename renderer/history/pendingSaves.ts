/**
 * Edits a feature shows at once and saves a moment later (a rating key in the matrix is saved after
 * the frame that shows it) register here, and an undo or redo waits for them first: it must take
 * back the step the user has just seen, not the one before it, however the requests are scheduled.
 */
const pending = new Set<Promise<unknown>>();

export function trackSave(save: Promise<unknown>): void {
  pending.add(save);
  const done = () => void pending.delete(save);
  save.then(done, done);
}

/** Resolves once every save registered so far (and any registered meanwhile) has answered, well or not. */
export async function savesSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
