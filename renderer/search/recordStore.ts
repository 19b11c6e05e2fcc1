import { create } from 'zustand';

/**
 * Where a search hit in a record asked to go: a document's details (an attribute value) or a tag in
 * the Codes tab (a codebook entry). Each request carries a fresh number, so the same hit clicked
 * twice is shown twice; the document list follows the first and clears it, the Codes tab shows the second until it is closed.
 */
interface RecordRequests {
  details: { documentId: string; n: number } | null;
  tag: { tagId: string; n: number } | null;
  showDetails(documentId: string): void;
  showTag(tagId: string): void;
  doneDetails(): void;
  clearTag(): void;
}

let counter = 0;

export const useRecordRequests = create<RecordRequests>((set) => ({
  details: null,
  tag: null,
  showDetails: (documentId) => set({ details: { documentId, n: ++counter } }),
  showTag: (tagId) => set({ tag: { tagId, n: ++counter } }),
  doneDetails: () => set({ details: null }),
  clearTag: () => set({ tag: null }),
}));
