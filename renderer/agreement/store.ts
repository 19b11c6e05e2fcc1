import { create } from 'zustand';
import type { AgreementQuery, AgreementReport } from '../../shared/agreement-schema';
import type { UnitLevel } from '../../shared/agreement-units';
import { call } from '../api/client';

export type AgreementScope = 'tag' | 'document';

/**
 * The Agreement view's own state. The choice of authors and tags is kept as what the user left out,
 * so an author or tag that appears later (a colleague's file merged meanwhile) is compared at once.
 */
interface AgreementState {
  excludedAuthors: string[];
  excludedTags: string[];
  scope: AgreementScope;
  level: UnitLevel;
  report: AgreementReport | null;
  error: string | null;
  /** The query of the report shown, so a late answer to an older query is dropped. */
  shownKey: string;
  toggleAuthor(author: string): void;
  toggleTag(tagId: string): void;
  setScope(scope: AgreementScope): void;
  setLevel(level: UnitLevel): void;
  load(query: AgreementQuery): Promise<void>;
}

const toggled = (list: string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

let latest = '';

export const useAgreementStore = create<AgreementState>((set) => ({
  excludedAuthors: [],
  excludedTags: [],
  scope: 'tag',
  level: 'sentence',
  report: null,
  error: null,
  shownKey: '',
  toggleAuthor: (author) => set((s) => ({ excludedAuthors: toggled(s.excludedAuthors, author) })),
  toggleTag: (tagId) => set((s) => ({ excludedTags: toggled(s.excludedTags, tagId) })),
  setScope: (scope) => set({ scope }),
  setLevel: (level) => set({ level }),
  async load(query) {
    const key = JSON.stringify(query);
    latest = key;
    try {
      const report = await call('agreement.get', query);
      if (latest === key) set({ report, error: null, shownKey: key });
    } catch (err) {
      if (latest === key) set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
}));
