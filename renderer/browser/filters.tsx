import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useWorkspace } from '../app/workspace';

/**
 * Stands for "has no tag" in a tag filter. Tag ids are UUIDs, so this can never collide with one,
 * and it lets the matrix's "untagged" row filter the browser the same way a tag row does.
 */
export const UNTAGGED = 'untagged';

export type TagMode = 'any' | 'all';
export type LinkFilter = 'all' | 'linked' | 'unlinked';
export type ClaimSort = 'document' | 'date' | 'tag';

export interface ClaimFilters {
  /** Tag ids (or UNTAGGED); empty means no tag filter. */
  tagIds: string[];
  /** 'any': a claim with at least one of the tags; 'all': a claim coded with every one of them. */
  tagMode: TagMode;
  /** Empty means every document. */
  documentIds: string[];
  /** null means every author. */
  author: string | null;
  links: LinkFilter;
  /** Matched against the quote and the note the way search matches (shared/words.ts): word forms, any case, ё = е. */
  text: string;
  /** Attribute id → the values a claim may have (its own grading override, else its document's); absent means any. */
  attributeValues: Record<string, string[]>;
}

export const NO_FILTERS: ClaimFilters = { tagIds: [], tagMode: 'any', documentIds: [], author: null, links: 'all', text: '', attributeValues: {} };

/** The attribute filters that narrow anything (an attribute with no value chosen does not). */
export const attributeFilterEntries = (f: ClaimFilters) => Object.entries(f.attributeValues).filter(([, values]) => values.length > 0);

/** How many filters narrow the list (the text box counts once; the tag mode alone does not). */
export function activeFilterCount(f: ClaimFilters): number {
  return (f.tagIds.length > 0 ? 1 : 0) + (f.documentIds.length > 0 ? 1 : 0) + (f.author !== null ? 1 : 0) + (f.links !== 'all' ? 1 : 0) + (f.text.trim() ? 1 : 0) + attributeFilterEntries(f).length;
}

export interface ClaimFiltersApi {
  filters: ClaimFilters;
  setFilters(update: (f: ClaimFilters) => ClaimFilters): void;
  clearFilters(): void;
  /** Replaces every filter with "this tag (or UNTAGGED) and/or this document" — what the matrix asks for. */
  showOnly(target: { tagId?: string; documentId?: string; attribute?: { id: string; value: string } }): void;
  sort: ClaimSort;
  setSort(sort: ClaimSort): void;
}

const FiltersContext = createContext<ClaimFiltersApi | null>(null);

/**
 * Holds the claim browser's filters and sort above both the browser and the toolbar, so the matrix
 * can set them. Filters start afresh for each project (the ids they name mean nothing in another
 * one); the sort is a habit of the reader and stays.
 */
export function ClaimFiltersProvider({ children }: { children: ReactNode }) {
  const { state } = useWorkspace();
  const projectPath = state.project?.path ?? null;
  const [owner, setOwner] = useState(projectPath);
  const [filters, setFiltersState] = useState<ClaimFilters>(NO_FILTERS);
  const [sort, setSort] = useState<ClaimSort>('document');
  // Reset while rendering rather than remounting: remounting would throw away the whole window's state.
  if (owner !== projectPath) {
    setOwner(projectPath);
    setFiltersState(NO_FILTERS);
  }
  const setFilters = useCallback((update: (f: ClaimFilters) => ClaimFilters) => setFiltersState(update), []);
  const clearFilters = useCallback(() => setFiltersState(NO_FILTERS), []);
  const showOnly = useCallback(
    ({ tagId, documentId, attribute }: { tagId?: string; documentId?: string; attribute?: { id: string; value: string } }) =>
      setFiltersState({
        ...NO_FILTERS,
        tagIds: tagId ? [tagId] : [],
        documentIds: documentId ? [documentId] : [],
        attributeValues: attribute ? { [attribute.id]: [attribute.value] } : {},
      }),
    [],
  );
  const value = useMemo(() => ({ filters, setFilters, clearFilters, showOnly, sort, setSort }), [filters, setFilters, clearFilters, showOnly, sort]);
  return <FiltersContext.Provider value={value}>{children}</FiltersContext.Provider>;
}

export function useClaimFilters(): ClaimFiltersApi {
  const ctx = useContext(FiltersContext);
  if (!ctx) throw new Error('useClaimFilters outside ClaimFiltersProvider');
  return ctx;
}
