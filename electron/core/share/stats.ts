import type { ShareCounts, SharePreview } from '../../../shared/share';

export type Outcome = keyof ShareCounts;

export const emptyCounts = (): ShareCounts => ({ new: 0, updated: 0, conflicts: 0, orphans: 0, unchanged: 0, deleted: 0, reanchored: 0 });

/** Tallies what an import does, overall, per document and per author, for the preview. */
export class Tally {
  readonly claims = emptyCounts();
  readonly links = emptyCounts();
  private readonly byDocument = new Map<string, ShareCounts>();
  private readonly byAuthor = new Map<string, ShareCounts>();
  tagsCreated = 0;
  documentsCreated = 0;

  claim(outcome: Outcome, document: string, author: string, reanchored = false): void {
    for (const counts of [this.claims, this.bucket(this.byDocument, document), this.bucket(this.byAuthor, author)]) {
      counts[outcome]++;
      if (reanchored) counts.reanchored++;
    }
  }

  link(outcome: Outcome): void {
    this.links[outcome]++;
  }

  private bucket(map: Map<string, ShareCounts>, key: string): ShareCounts {
    let c = map.get(key);
    if (!c) map.set(key, (c = emptyCounts()));
    return c;
  }

  preview(fileName: string, kind: SharePreview['kind'], skipped: SharePreview['skipped'], changed: boolean, applied: boolean): SharePreview {
    const sorted = (m: Map<string, ShareCounts>) => [...m].sort(([a], [b]) => a.localeCompare(b));
    return {
      fileName,
      kind,
      applied,
      changed,
      claims: this.claims,
      links: this.links,
      byDocument: sorted(this.byDocument).map(([title, counts]) => ({ title, counts })),
      byAuthor: sorted(this.byAuthor).map(([author, counts]) => ({ author, counts })),
      tagsCreated: this.tagsCreated,
      documentsCreated: this.documentsCreated,
      skipped: skipped.slice(0, 200),
      skippedTotal: skipped.length,
    };
  }
}
