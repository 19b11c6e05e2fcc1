import type { AutocodeScope } from '../../../shared/contract';
import { paragraphAround, sentenceAround, trimRange } from '../../../shared/text';
import type { Project } from '../store/project';

interface Span {
  start: number;
  end: number;
}

const widen: Record<AutocodeScope, (text: string, start: number, end: number) => Span> = {
  word: (text, start, end) => trimRange(text, start, end),
  sentence: sentenceAround,
  paragraph: paragraphAround,
};

/**
 * Codes every document hit of a search with a tag, as one undo step. Each hit is widened to the
 * scope asked for (the matched word or phrase, its sentence, its paragraph); each distinct span
 * becomes a claim with that tag, or, where a live claim already covers exactly that text, gets the
 * tag added. A span inside a claim that already carries the tag is left alone: the passage is coded
 * already, and a claim of a bare word inside it would only clutter the text. Notes are not coded:
 * a claim anchors document text.
 */
export function autocode(
  project: Project,
  q: string,
  tagId: string,
  scope: AutocodeScope,
  author: string,
): { created: number; tagged: number; covered: number } {
  project.tags.get(tagId);
  return project.undoable(
    (r) => ({ kind: 'autocode', params: { query: q, created: r.created, tagged: r.tagged } }),
    (now) => {
      // Its own path: every hit, not a page of them, and no context to build.
      const hits = project.search.documentHits(q);
      const done = new Set<string>();
      const coded = new Map<string, Span[]>();
      let created = 0;
      let tagged = 0;
      let covered = 0;
      for (const hit of hits) {
        const text = project.documents.text(hit.documentId);
        const { start, end } = widen[scope](text, hit.start, hit.end);
        if (end <= start) continue;
        const key = `${hit.documentId}:${start}:${end}`;
        if (done.has(key)) continue;
        done.add(key);
        let spans = coded.get(hit.documentId);
        if (!spans) {
          spans = project.annotations.list(hit.documentId).filter((a) => a.tagIds.includes(tagId));
          coded.set(hit.documentId, spans);
        }
        if (spans.some((a) => a.start <= start && end <= a.end)) {
          covered++;
          continue;
        }
        const existing = project.annotations.findExact(hit.documentId, start, end);
        if (existing) {
          if (project.annotations.addTag(existing.id, tagId, now)) tagged++;
        } else {
          project.annotations.create({ documentId: hit.documentId, start, end, tagIds: [tagId] }, author, now);
          created++;
        }
        // Later hits of this run inside the span just coded are covered by it.
        spans.push({ start, end });
      }
      return { created, tagged, covered };
    },
  );
}
