import type { Annotation, DocumentMeta, Link, RelationType, Tag } from './contract';

/**
 * The timeline of claims: each claim placed at its source's date, one row per claim cluster (so
 * the analyst sees who said it first and who repeated or contradicted it later) and one row for
 * the claims in no cluster, undated sources in a lane of their own at the right. Pure geometry, so
 * the app's view (React SVG) and the dossier's figure (an SVG string made in the core) draw the same.
 */

/** first: the cluster's earliest source says it; repeat: a later (or undated) source says it again;
 * contradicts: a claim contradicting a member; claim: a claim in no cluster. */
export type PointRole = 'first' | 'repeat' | 'contradicts' | 'claim';

export interface TimelinePoint {
  claimId: string;
  documentId: string;
  date: string | null;
  color: string;
  role: PointRole;
  x: number;
  y: number;
}

export interface TimelineRow {
  /** The cluster's key claim, or 'other' for the claims in no cluster. */
  key: string;
  label: string;
  kind: 'cluster' | 'other';
  y: number;
  points: TimelinePoint[];
}

export interface TimelineSource {
  documentId: string;
  date: string | null;
  label: string;
  x: number;
  /** 0 or 1: labels of sources close in time alternate between two lines. */
  line: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  labelWidth: number;
  /** Narrow figures put each row's title above its marks instead of in a column at the left. */
  labelsAbove: boolean;
  /** The dated axis runs from x0 to x1; the undated lane (when some claim is undated) is centred on undatedX. */
  x0: number;
  x1: number;
  undatedX: number | null;
  /** Top of the first row (below the source labels and the ticks). */
  top: number;
  rowHeight: number;
  ticks: { x: number; label: string }[];
  sources: TimelineSource[];
  rows: TimelineRow[];
}

export interface TimelineInput {
  claims: readonly Pick<Annotation, 'id' | 'documentId' | 'tagIds'>[];
  documents: readonly Pick<DocumentMeta, 'id' | 'date' | 'title' | 'outlet'>[];
  /** In the user's order: a claim takes the colour of its first tag in this order. */
  tags: readonly Pick<Tag, 'id' | 'color'>[];
  /** Clusters in their order, each with the title to show. */
  clusters: readonly { key: string; title: string; memberIds: readonly string[] }[];
  links: readonly Pick<Link, 'fromId' | 'toId' | 'relationId'>[];
  relations: readonly Pick<RelationType, 'id' | 'builtin'>[];
  /** The label of the row of claims in no cluster; null leaves that row out (the dossier's figure). */
  otherLabel: string | null;
}

export const UNTAGGED_COLOR = '#8a8f98';
const DAY = 86_400_000;
const SOURCE_BAND = 34;
const TICK_BAND = 18;
const UNDATED_LANE = 86;
const SPREAD = 16;
/** Tick labels ("2025-11") need about this much room each. */
const TICK_ROOM = 58;
/** Below this width a left column of titles would leave the axis too little room. */
const NARROW = 640;

const time = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Lays the timeline out `width` pixels wide. */
export function timelineLayout(input: TimelineInput, opts: { width: number; labelWidth?: number; rowHeight?: number }): TimelineLayout {
  const labelsAbove = opts.width < NARROW;
  const labelWidth = labelsAbove ? 0 : (opts.labelWidth ?? Math.min(240, Math.round(opts.width * 0.3)));
  const rowHeight = opts.rowHeight ?? (labelsAbove ? 44 : 30);
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const claims = new Map(input.claims.map((a) => [a.id, a]));
  const tagRank = new Map(input.tags.map((t, i) => [t.id, i]));
  const colorOf = (a: Pick<Annotation, 'tagIds'>) => {
    const first = [...a.tagIds].filter((id) => tagRank.has(id)).sort((x, y) => tagRank.get(x)! - tagRank.get(y)!)[0];
    return first === undefined ? UNTAGGED_COLOR : input.tags[tagRank.get(first)!]!.color;
  };
  const dateOf = (claimId: string) => docs.get(claims.get(claimId)?.documentId ?? '')?.date ?? null;

  const usedDocs = new Set(input.claims.map((a) => a.documentId));
  const dates = [...new Set(input.documents.filter((d) => usedDocs.has(d.id) && d.date).map((d) => d.date!))].sort();
  const hasUndated = input.claims.some((a) => !docs.get(a.documentId)?.date);
  const x0 = labelWidth + (labelsAbove ? 24 : 16);
  const x1 = Math.max(x0 + 40, opts.width - (hasUndated ? UNDATED_LANE : 0) - 24);
  const undatedX = hasUndated ? opts.width - UNDATED_LANE / 2 - 8 : null;
  // A single date still gets an axis: a month either side.
  const lo = dates.length ? time(dates[0]!) - (dates.length === 1 ? 30 * DAY : 0) : 0;
  const hi = dates.length ? time(dates[dates.length - 1]!) + (dates.length === 1 ? 30 * DAY : 0) : 1;
  const xOf = (day: string | null) => (day === null ? undatedX! : x0 + ((time(day) - lo) / Math.max(1, hi - lo)) * (x1 - x0));

  const ticks: TimelineLayout['ticks'] = [];
  if (dates.length) {
    const start = new Date(lo);
    const months = (new Date(hi).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(hi).getUTCMonth() - start.getUTCMonth();
    const room = Math.max(1, Math.floor((x1 - x0) / TICK_ROOM));
    const step = [1, 2, 3, 6, 12, 24, 60].find((m) => months / m <= room) ?? 120;
    for (let m = 0; m <= months + 1; m += step) {
      const at = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1);
      if (at < lo || at > hi) continue;
      const d = new Date(at);
      ticks.push({ x: x0 + ((at - lo) / Math.max(1, hi - lo)) * (x1 - x0), label: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` });
    }
  }

  const sources: TimelineSource[] = input.documents
    .filter((d) => usedDocs.has(d.id))
    .map((d) => ({ documentId: d.id, date: d.date, label: d.outlet || d.title, x: xOf(d.date), line: 0 }))
    .sort((a, b) => a.x - b.x);
  sources.forEach((s, i) => {
    if (i > 0 && s.x - sources[i - 1]!.x < 110 && sources[i - 1]!.line === 0) s.line = 1;
  });

  const contradicts = new Set(input.relations.filter((r) => r.builtin === 'contradicts').map((r) => r.id));
  const top = SOURCE_BAND + TICK_BAND;
  const rows: TimelineRow[] = [];
  const clustered = new Set<string>();
  const point = (claimId: string, role: PointRole): TimelinePoint => {
    const a = claims.get(claimId)!;
    const date = dateOf(claimId);
    return { claimId, documentId: a.documentId, date, color: colorOf(a), role, x: xOf(date), y: 0 };
  };
  for (const c of input.clusters) {
    const members = c.memberIds.filter((id) => claims.has(id));
    if (members.length === 0) continue;
    for (const id of members) clustered.add(id);
    const firstDate = members.map(dateOf).filter((d): d is string => d !== null).sort()[0] ?? null;
    const points = members.map((id) => point(id, dateOf(id) !== null && dateOf(id) === firstDate ? 'first' : 'repeat'));
    const inRow = new Set(members);
    for (const k of input.links) {
      if (!contradicts.has(k.relationId)) continue;
      const other = inRow.has(k.fromId) && !inRow.has(k.toId) ? k.toId : inRow.has(k.toId) && !inRow.has(k.fromId) ? k.fromId : null;
      if (other === null || !claims.has(other) || points.some((p) => p.claimId === other)) continue;
      points.push(point(other, 'contradicts'));
    }
    rows.push({ key: c.key, label: c.title, kind: 'cluster', y: 0, points });
  }
  const loose = input.claims.filter((a) => !clustered.has(a.id)).map((a) => point(a.id, 'claim'));
  if (loose.length && input.otherLabel !== null) rows.push({ key: 'other', label: input.otherLabel, kind: 'other', y: 0, points: loose });

  rows.forEach((row, i) => {
    // With the title above, the marks sit in the lower part of the row.
    row.y = top + i * rowHeight + (labelsAbove ? rowHeight - 14 : rowHeight / 2);
    // Claims at one date side by side, centred on it, so none hides another.
    const byX = new Map<number, TimelinePoint[]>();
    for (const p of row.points) {
      const list = byX.get(p.x);
      if (list) list.push(p);
      else byX.set(p.x, [p]);
    }
    for (const list of byX.values()) {
      const spread = Math.min(SPREAD, (UNDATED_LANE - 12) / Math.max(1, list.length));
      list.forEach((p, j) => {
        p.x += (j - (list.length - 1) / 2) * spread;
        p.y = row.y;
      });
    }
  });
  return { width: opts.width, height: top + rows.length * rowHeight + 8, labelWidth, labelsAbove, x0, x1, undatedX, top, rowHeight, ticks, sources, rows };
}
