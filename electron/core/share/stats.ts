import type { ShareCounts, SharePreview } from '../../../shared/share';
import type { ItemKind } from './bases';

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
  readonly other: SharePreview['other'] = { notes: emptyCounts(), tags: emptyCounts(), relations: emptyCounts(), documents: emptyCounts(), summary: emptyCounts() };
  readonly recorded: Record<ItemKind, number> = { annotation: 0, link: 0, note: 0, tag: 0, relation: 0, document: 0, summary: 0, attribute: 0, attribute_value: 0,
    hypothesis_analysis: 0, hypothesis: 0, hypothesis_row: 0, hypothesis_rating: 0, cluster_title: 0 };
  anchorLimited = 0;

  claim(outcome: Outcome, document: string, author: string, reanchored = false): void {
    for (const counts of [this.claims, this.bucket(this.byDocument, document), this.bucket(this.byAuthor, author)]) {
      counts[outcome]++;
      if (reanchored) counts.reanchored++;
    }
  }

  link(outcome: Outcome): void {
    this.links[outcome]++;
  }

  /** What happened to a note, tag, link type, document's details or the summary. */
  item(kind: keyof SharePreview['other'], outcome: Outcome): void {
    this.other[kind][outcome]++;
  }

  /** A conflict written to merge_conflicts. */
  conflictRecorded(kind: ItemKind): void {
    this.recorded[kind]++;
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
      other: this.other,
      recorded: this.recorded,
      anchorLimited: this.anchorLimited,
    };
  }
}
