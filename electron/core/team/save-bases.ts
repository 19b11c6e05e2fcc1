/**
 * What the user's editor started from when it saved a note, memo or the summary: a colleague's text
 * that editor was not showing yet is kept when the save is applied to the team's shared text
 * (RichTextReplica.applyLocal's `base`). Kept in memory until the bridge applies the save; with no
 * live team the map stays empty.
 */
import type { Project } from '../store/project';

const bases = new WeakMap<Project, Map<string, string>>();
/** Projects bound to a live team (only their saves are remembered). */
const live = new WeakSet<Project>();

export function trackSaveBases(project: Project, on: boolean): void {
  if (on) live.add(project);
  else {
    live.delete(project);
    bases.delete(project);
  }
}

/** `field` is a notes-table key ("annotation:<id>", "project:<id>") or "summary". */
export function rememberSaveBase(project: Project, field: string, base: string | undefined): void {
  if (!live.has(project)) return;
  let map = bases.get(project);
  if (!map) bases.set(project, (map = new Map()));
  // The oldest base of the saves not applied yet: the change from it includes all of them.
  if (base === undefined) map.delete(field);
  else if (!map.has(field)) map.set(field, base);
}

export function takeSaveBase(project: Project, field: string): string | undefined {
  const map = bases.get(project);
  const base = map?.get(field);
  map?.delete(field);
  return base;
}
