/** State of REFI-QDA exchange in the page: the import being previewed, and browser mode's file input. */
import { create } from 'zustand';
import type { RefiPreview } from '../../shared/refi';

/** Where a .qdpx comes from: uploaded in the page (browser mode) or chosen in the native dialog. */
export type RefiSource = { file: { name: string; dataBase64: string } } | { path: string };

interface RefiState {
  /** The preview on screen: its source, and the backend's report once it has read the file. */
  preview: { source: RefiSource; result: RefiPreview | null } | null;
  input: HTMLInputElement | null;
  setPreview(preview: RefiState['preview']): void;
  setInput(input: HTMLInputElement | null): void;
}

export const useRefiStore = create<RefiState>((set) => ({
  preview: null,
  input: null,
  setPreview: (preview) => set({ preview }),
  setInput: (input) => set({ input }),
}));
