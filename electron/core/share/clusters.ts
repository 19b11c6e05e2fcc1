/**
 * Cluster titles in the annotation file, under `cr:project.clusterTitles`: each names the claim it
 * is stored under (the key claim of its cluster, by urn:uuid), with author, times and tombstone, so
 * a title cleared back to the default travels too. A colleague's title merges like a note: changed
 * on one side, that side wins; renamed differently on both, the newer wins and the other is kept as
 * a conflict to review (Keep mine / Take theirs). A title on a claim this project lacks is skipped.
 */
import { z } from 'zod';
import { ClusterTitleMax } from '../../../shared/cluster-api';
import { ClusterTitles, type StoredTitle } from '../clusters/clusters';
import { AppError } from '../errors';
import type { Project } from '../store/project';
import { decide, type Bases, type ItemKind } from './bases';
import type { SharedFile } from './model';

const MAX_TITLES = 100_000;
const Time = z.string().max(40).refine((t) => !Number.isNaN(Date.parse(t)), 'not a date and time');
const FileTitles = z
  .array(
    z.looseObject({
      claim: z.string().regex(/^urn:uuid:[0-9a-fA-F-]{36}$/, 'expected urn:uuid:<claim id>'),
      title: z.string().trim().min(1, 'a title cannot be empty').max(ClusterTitleMax, `a title is at most ${ClusterTitleMax} characters`),
      author: z.string().max(120),
      created: Time,
      modified: Time,
      deleted: Time.nullable(),
    }),
  )
  .max(MAX_TITLES, `more than ${MAX_TITLES} cluster titles`);

/** A cluster title read from a file. */
export interface SharedClusterTitle extends StoredTitle {
  path: string;
}

const iso = (t: string) => new Date(Date.parse(t)).toISOString();

/** What `cr:project.clusterTitles` carries, and the bases the export records. */
export function exportClusterTitles(project: Project): { clusterTitles: unknown[]; bases: [ItemKind, string, string][] } {
  const rows = new ClusterTitles(project).rows();
  return {
    clusterTitles: rows.map((t) => ({ claim: `urn:uuid:${t.id}`, title: t.title, author: t.author, created: t.createdAt, modified: t.modifiedAt, deleted: t.deletedAt })),
    bases: rows.map((t) => ['cluster_title', t.id, t.modifiedAt]),
  };
}

/** Reads `cr:project.clusterTitles` when present; a bad entry refuses the file, naming its place. */
export function readClusterTitles(fileName: string, ext: unknown): SharedClusterTitle[] {
  if (typeof ext !== 'object' || ext === null) return [];
  const raw = (ext as { clusterTitles?: unknown }).clusterTitles;
  if (raw === undefined) return [];
  const r = FileTitles.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new AppError('bad-input', `${fileName} is not a usable annotation file: cr:project.clusterTitles${where}: ${issue.message}`);
  }
  return r.data.map((t, i) => ({
    path: `cr:project.clusterTitles[${i}]`,
    id: t.claim.slice(9).toLowerCase(),
    title: t.title,
    author: t.author,
    createdAt: iso(t.created),
    modifiedAt: iso(t.modified),
    deletedAt: t.deleted ? iso(t.deleted) : null,
  }));
}

export interface ClusterMergeContext {
  project: Project;
  file: SharedFile;
  bases: Bases;
  conflict(kind: ItemKind, id: string, losingSide: 'mine' | 'theirs', losing: unknown): void;
  markChanged(): void;
}

const snapshot = (t: StoredTitle) => ({ title: t.title, author: t.author, modified: t.modifiedAt, deleted: t.deletedAt });
const sameTitle = (a: StoredTitle, b: StoredTitle) => a.title === b.title && (a.deletedAt === null) === (b.deletedAt === null);

/** Merges the file's cluster titles into the project (after its claims, so their claims are here). */
export function mergeClusterTitles(ctx: ClusterMergeContext): void {
  const titles = new ClusterTitles(ctx.project);
  const claimHere = ctx.project.database.prepare('SELECT 1 FROM annotations WHERE id = ?');
  for (const theirs of ctx.file.clusterTitles ?? []) {
    if (!claimHere.get(theirs.id)) {
      ctx.file.skipped.push({ path: theirs.path, reason: 'a cluster title on a claim this project does not have' });
      continue;
    }
    const mine = titles.row(theirs.id);
    const decision = mine ? decide(ctx.bases.get('cluster_title', theirs.id), mine.modifiedAt, theirs.modifiedAt, sameTitle(mine, theirs)) : 'take';
    if (decision === 'take' || decision === 'conflict-take') {
      if (decision === 'conflict-take') ctx.conflict('cluster_title', theirs.id, 'mine', snapshot(mine!));
      titles.write(theirs);
      ctx.markChanged();
    } else if (decision === 'conflict-keep') {
      ctx.conflict('cluster_title', theirs.id, 'theirs', snapshot(theirs));
    }
    ctx.bases.set('cluster_title', theirs.id, theirs.modifiedAt);
  }
}

/** The current version of a title, for the conflict review. */
export function currentTitle(project: Project, id: string): Record<string, unknown> | null {
  const t = new ClusterTitles(project).row(id);
  return t ? snapshot(t) : null;
}

/** Puts the losing version of a title in place, as a change made now. */
export function swapTitle(project: Project, id: string, v: Record<string, unknown>, author: string, now: string): void {
  const titles = new ClusterTitles(project);
  const existing = titles.row(id);
  titles.write({ id, title: String(v.title ?? existing?.title ?? ''), author, createdAt: existing?.createdAt ?? now, modifiedAt: now, deletedAt: v.deleted ? now : null });
}
