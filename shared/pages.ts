/**
 * Pages of a paged source (a PDF): where each page's text starts, and citations that read
 * "p. 12, ¶3" — the page, and the paragraph counted from the top of that page (a paragraph carried
 * over from the previous page is the page's ¶1). Offsets are UTF-16 code units into the stored text.
 */
import { paragraphIndexAt, type ParagraphRange } from './text';

/** The 1-based page holding `offset`; 0 when the source has no pages. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pageStarts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // A page without text starts where the next one does; the offset belongs to the last such page.
  return pageStarts.length === 0 ? 0 : Math.max(0, found) + 1;
}

export interface PagePlace {
  /** 1-based page; 0 when the source has no pages. */
  page: number;
  /** 1-based paragraph: on the page for a paged source, in the whole text otherwise. */
  paragraph: number;
}

/** Where `offset` stands: its page and its paragraph on that page (or in the text, for an unpaged source). */
export function placeOf(paragraphs: readonly ParagraphRange[], pageStarts: readonly number[], offset: number): PagePlace {
  const index = Math.max(0, paragraphIndexAt(paragraphs, offset));
  const page = pageAt(pageStarts, offset);
  if (page === 0) return { page, paragraph: index + 1 };
  const first = Math.max(0, paragraphIndexAt(paragraphs, pageStarts[page - 1]!));
  return { page, paragraph: index - first + 1 };
}

/** "p. 12, ¶3" for a paged source, "¶3" otherwise; `pageLabel` is the language's "p." */
export function placeText(place: PagePlace, pageLabel = 'p.'): string {
  return place.page > 0 ? `${pageLabel} ${place.page}, ¶${place.paragraph}` : `¶${place.paragraph}`;
}
