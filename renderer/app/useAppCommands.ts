import type { RefObject } from 'react';
import { useDeleteClaim } from '../annotations/useDeleteClaim';
import { useDesktopImport, type ImportSource } from '../documents/useImport';
import { useCommands, type CommandHandlers } from '../commands/useCommands';
import { useHistory } from '../history/useHistory';
import type { useProjectCommands } from '../projects/useProjectCommands';
import { useShare } from '../share/ShareContext';
import { useShareImport } from '../share/useShareImport';
import { useRefi } from '../refi/useRefi';
import { useT } from '../i18n/I18n';
import { useViewPane } from '../views/useViewPane';
import { useTeamStore } from '../team/store';
import { useWorkspace } from './workspace';
import { useConnectors } from '../connectors/store';
import type { SidebarTab } from './Sidebar';

export type AppDialog = 'tags' | 'relations' | 'settings' | 'about' | 'palette' | 'matrix' | 'export' | 'backups' | 'paste' | null;

interface Ui {
  projects: ReturnType<typeof useProjectCommands>;
  fileInput: RefObject<HTMLInputElement | null>;
  importFiles(files: ImportSource[]): Promise<void>;
  setDialog(d: AppDialog): void;
  showSidebar(tab: SidebarTab): void;
}

/** What each command of shared/commands.ts does in this window. */
export function useAppCommands(ui: Ui) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const deleteClaim = useDeleteClaim();
  const history = useHistory();
  const desktopImport = useDesktopImport();
  const share = useShare();
  const viewPane = useViewPane();
  const shareImport = useShareImport(() => share.fileInput.current);
  const refi = useRefi();
  const hasProject = () => state.project !== null;
  const writable = () => state.project !== null && !state.project.readOnly;
  // L right after Enter saved a claim may come before the save has landed: it links that claim then.
  const linkSelected = () => {
    if (state.selectedId) return actions.startLinking(state.selectedId);
    const pending = actions.pendingClaim();
    if (pending) return void pending.then((claim) => claim && actions.startLinking(claim.id));
    actions.notify('info', t('links.nothingSelected'));
  };
  const handlers: CommandHandlers = {
    'project.new': { run: () => void ui.projects.ask('new') },
    'project.open': { run: () => void ui.projects.ask('open') },
    'project.openSample': { run: () => void actions.openSample() },
    'project.switch': { run: () => void actions.closeProject(), enabled: hasProject },
    // The desktop's native dialog where there is one; the page's file picker in browser mode.
    'documents.import': {
      run: () =>
        void desktopImport().then((done) => {
          if (!done) ui.fileInput.current?.click();
        }),
      enabled: writable,
    },
    'tags.manage': { run: () => ui.setDialog('tags'), enabled: hasProject },
    'relations.manage': { run: () => ui.setDialog('relations'), enabled: hasProject },
    'dossier.export': { run: () => ui.setDialog('export'), enabled: hasProject },
    'share.export': { run: () => share.actions.open('export'), enabled: hasProject },
    'share.import': { run: () => void shareImport.start(), enabled: writable },
    'share.review': { run: () => share.actions.open('review'), enabled: hasProject },
    'settings.open': { run: () => ui.setDialog('settings') },
    // Enabled with nothing to undo too, so the key says so instead of doing nothing silently.
    'edit.undo': { run: () => void history.travel('undo'), enabled: writable },
    'edit.redo': { run: () => void history.travel('redo'), enabled: writable },
    'palette.open': { run: () => ui.setDialog('palette') },
    'search.open': { run: () => ui.showSidebar('search'), enabled: hasProject },
    'matrix.open': { run: () => ui.setDialog('matrix'), enabled: hasProject },
    'claims.focus': { run: () => ui.showSidebar('claims'), enabled: hasProject },
    'claim.link': { run: linkSelected, enabled: writable },
    'claim.delete': { run: () => state.selectedId && void deleteClaim(state.selectedId), enabled: () => writable() && state.selectedId !== null },
    'app.about': { run: () => ui.setDialog('about') },
    'backups.manage': { run: () => ui.setDialog('backups'), enabled: hasProject },
    'project.reload': { run: () => void actions.reloadProject() },
    'sidebar.toggle': { run: () => actions.setPanels({ sidebar: !state.layout.sidebar }), enabled: hasProject },
    'inspector.toggle': { run: () => actions.setPanels({ inspector: !state.layout.inspector }), enabled: hasProject },
    'documents.paste': { run: () => ui.setDialog('paste'), enabled: writable },
    'agreement.open': { run: () => viewPane.toggle('agreement'), enabled: hasProject },
    'refi.export': { run: () => void refi.exportProject(), enabled: hasProject },
    'refi.import': { run: () => void refi.startImport(), enabled: writable },
    'graph.open': { run: () => viewPane.toggle('graph'), enabled: hasProject },
    'view.hypotheses': { run: () => viewPane.toggle('hypotheses'), enabled: hasProject },
    'view.timeline': { run: () => viewPane.toggle('timeline'), enabled: hasProject },
    'connectors.toggle': { run: () => actions.setPanels({ connectors: !state.layout.connectors }), enabled: hasProject },
    'followLinks.toggle': { run: () => actions.setPanels({ followLinks: !state.layout.followLinks }), enabled: hasProject },
    'team.shareLive': { run: () => useTeamStore.getState().openDialog(), enabled: writable },
    'connectors.focus': { run: () => useConnectors.getState().requestFocus(), enabled: hasProject },
  };
  const run = useCommands(handlers);
  return { run, enabled: (id: keyof CommandHandlers) => handlers[id].enabled?.() ?? true };
}
