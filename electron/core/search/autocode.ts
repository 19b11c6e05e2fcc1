import { trimRange } from '../../../shared/text';
import type { Project } from '../store/project';

/**
 * Codes every document hit of a search with a tag, as one undo step: each matched word (or phrase)
 * becomes a claim with that tag, or, where a live claim already covers exactly that text, gets the
 * tag added. Notes are not coded: a claim anchors document text.
 */
export function autocode(project: Project, q: string, tagId: string, author: string): { created: number; tagged: number } {
  project.tags.get(tagId);
  return project.undoable(
    (r) => ({ kind: 'autocode', params: { query: q, created: r.created, tagged: r.tagged } }),
    (now) => {
      // Its own path: every hit, not a page of them, and no context to build.
      const hits = project.search.documentHits(q);
      let created = 0;
      let tagged = 0;
      for (const hit of hits) {
        const text = project.documents.text(hit.documentId);
        const { start, end } = trimRange(text, hit.start, hit.end);
        if (end <= start) continue;
        const existing = project.annotations.findExact(hit.documentId, start, end);
        if (existing) {
          if (project.annotations.addTag(existing.id, tagId, now)) tagged++;
        } else {
          project.annotations.create({ documentId: hit.documentId, start, end, tagIds: [tagId] }, author, now);
          created++;
        }
      }
      return { created, tagged };
    },
  );
}
