/**
 * Opaque handles for places on disk. Where the page must not name a path (browser mode), the
 * backend lists folders and recent projects and gives each entry a random id; the page sends an id
 * back, and only an id this backend issued resolves to anything. A path the page made up has no id.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';

export type HandleKind = 'folder' | 'project';

/** Enough for every entry of many listings; the oldest are forgotten first. */
const MAX_HANDLES = 20_000;

export class Handles {
  private readonly byId = new Map<string, { kind: HandleKind; file: string }>();
  private readonly byPlace = new Map<string, string>();

  /** The handle of `file` (the same one each time it is listed, while remembered). */
  issue(kind: HandleKind, file: string): string {
    const place = `${kind}:${file}`;
    const known = this.byPlace.get(place);
    if (known) return known;
    const id = randomUUID();
    this.byId.set(id, { kind, file });
    this.byPlace.set(place, id);
    if (this.byId.size > MAX_HANDLES) {
      const [oldest, entry] = this.byId.entries().next().value!;
      this.byId.delete(oldest);
      this.byPlace.delete(`${entry.kind}:${entry.file}`);
    }
    return id;
  }

  /** The path behind a handle of the given kind; refuses ids this backend never issued. */
  resolve(id: string, kind: HandleKind): string {
    const entry = this.byId.get(id);
    if (!entry || entry.kind !== kind) {
      throw new AppError('not-found', kind === 'folder' ? 'That folder is no longer listed here; open the list again.' : 'That project is no longer listed here; open the list again.');
    }
    return entry.file;
  }
}
