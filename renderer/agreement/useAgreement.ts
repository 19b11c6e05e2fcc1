import { useEffect, useMemo } from 'react';
import type { AgreementQuery } from '../../shared/agreement-schema';
import { tagTree } from '../../shared/tag-tree';
import { useWorkspace } from '../app/workspace';
import { useAgreementStore } from './store';

/**
 * The authors and tags on offer (from the workspace's claims), the query the user's choice makes,
 * and the report, fetched again whenever the claims, tags or documents change.
 */
export function useAgreement() {
  const { state } = useWorkspace();
  const store = useAgreementStore();
  const { excludedAuthors, excludedTags, load } = store;
  const authors = useMemo(() => [...new Set(state.annotations.map((a) => a.author))].sort((x, y) => x.localeCompare(y)), [state.annotations]);
  const chosenAuthors = useMemo(() => authors.filter((a) => !excludedAuthors.includes(a)), [authors, excludedAuthors]);
  /** The tags the chosen authors used, in code-system order, each with whether it is compared. */
  const tags = useMemo(() => {
    const used = new Set(state.annotations.filter((a) => chosenAuthors.includes(a.author)).flatMap((a) => a.tagIds));
    return tagTree(state.tags)
      .filter((r) => used.has(r.tag.id))
      .map((r) => ({ id: r.tag.id, name: r.path, color: r.tag.color, chosen: !excludedTags.includes(r.tag.id) }));
  }, [state.annotations, state.tags, chosenAuthors, excludedTags]);
  const query = useMemo<AgreementQuery>(
    () => ({
      ...(excludedAuthors.length ? { authors: chosenAuthors } : {}),
      ...(excludedTags.length ? { tagIds: tags.filter((t) => t.chosen).map((t) => t.id) } : {}),
    }),
    [excludedAuthors.length, excludedTags.length, chosenAuthors, tags],
  );
  const key = JSON.stringify(query);
  useEffect(() => {
    if (state.project) void load(JSON.parse(key) as AgreementQuery);
  }, [key, load, state.project, state.annotations, state.tags, state.documents]);
  return { ...store, authors, chosenAuthors, tags, query, current: store.shownKey === key };
}
