/** Live team work in the page: the last status the backend gave, and whether Share live… is open. */
import { create } from 'zustand';
import type { TeamStatus } from '../../shared/team';

export const OFF: TeamStatus = { state: 'off', pending: 0, offlineSince: null, server: null, project: null, user: null, revision: 0, texts: 0, peers: [], error: null };

interface TeamStore {
  status: TeamStatus;
  dialog: boolean;
  setStatus(status: TeamStatus): void;
  openDialog(): void;
  closeDialog(): void;
}

export const useTeamStore = create<TeamStore>((set) => ({
  status: OFF,
  dialog: false,
  setStatus: (status) => set({ status }),
  openDialog: () => set({ dialog: true }),
  closeDialog: () => set({ dialog: false }),
}));
