import { useCallback, useEffect, useRef, useState } from 'react';
import { ClaimInspector } from '../annotations/ClaimInspector';
import { TagPopover } from '../annotations/TagPopover';
import { ClaimFiltersProvider } from '../browser/filters';
import { CommandPalette } from '../commands/CommandPalette';
import { ExportDialog } from '../dossier/ExportDialog';
import { fromFile, useImport } from '../documents/useImport';
import { I18nProvider, useT } from '../i18n/I18n';
import { MatrixDialog } from '../matrix/MatrixDialog';
import { ClusterDialogHost } from '../clusters/ClusterDialog';
import { AccessGate } from '../access/AccessGate';
import { isBrowserMode, MenuBar } from '../menubar/MenuBar';
import { ProjectDialogs } from '../projects/ProjectDialogs';
import { useProjectCommands } from '../projects/useProjectCommands';
import { Welcome } from '../projects/Welcome';
import { Panes } from '../reader/Panes';
import { SettingsDialog } from '../settings/SettingsDialog';
import { TagManager } from '../tags/TagManager';
import { TagStyles } from '../tags/TagStyles';
import { LinkBanner } from '../links/LinkBanner';
import { RelationManager } from '../links/RelationManager';
import { useLinkModeExits } from '../links/useLinkModeExits';
import { PanelToggle } from './PanelToggle';
import { AboutDialog } from './AboutDialog';
import { BackupsDialog } from '../backups/BackupsDialog';
import { PasteDocumentDialog } from '../documents/PasteDocumentDialog';
import { ShareProvider } from '../share/ShareContext';
import { ShareUi } from '../share/ShareUi';
import { RefiUi } from '../refi/RefiUi';
import { TeamUi } from '../team/TeamUi';
import { AttributesProvider } from '../attributes/AttributesContext';
import { AttributesUi } from '../attributes/AttributesUi';
import { Sidebar, type SidebarTab } from './Sidebar';
import { Toasts } from './Toasts';
import { useAppCommands, type AppDialog } from './useAppCommands';
import { WorkspaceProvider } from './workspace';
import { useWorkspace } from './workspace';

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.docx,.pdf';

export function App() {
  return (
    <AccessGate>
      <WorkspaceProvider>
      {(ws) => (
        <I18nProvider language={ws.state.settings.language}>
          <AttributesProvider>
            <ClaimFiltersProvider>
              <ShareProvider>
                <Shell />
              </ShareProvider>
            </ClaimFiltersProvider>
          </AttributesProvider>
        </I18nProvider>
      )}
      </WorkspaceProvider>
    </AccessGate>
  );
}

function Shell() {
  const t = useT();
  const { state } = useWorkspace();
  const importFiles = useImport();
  const projects = useProjectCommands();
  const [dialog, setDialog] = useState<AppDialog>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [sidebar, setSidebar] = useState<{ tab: SidebarTab; focusKey: number }>({ tab: 'claims', focusKey: 0 });
  const showTab = useCallback((tab: SidebarTab) => setSidebar((s) => ({ tab, focusKey: s.focusKey + 1 })), []);
  const commands = useAppCommands({
    importFiles,
    projects,
    fileInput,
    setDialog,
    showSidebar: (tab) => setSidebar((s) => ({ tab, focusKey: s.focusKey + 1 })),
  });

  useEffect(() => {
    document.documentElement.lang = state.settings.language;
  }, [state.settings.language]);

  useLinkModeExits(state.project);

  if (!state.ready) return <p className="loading">{t('app.loading')}</p>;

  const menuBar = isBrowserMode() ? <MenuBar run={commands.run} enabled={commands.enabled} /> : null;
  const dialogs = (
    <>
      <ProjectDialogs projects={projects} />
      {dialog === 'tags' ? <TagManager onClose={() => setDialog(null)} onRelations={() => setDialog('relations')} /> : null}
      {dialog === 'relations' ? <RelationManager onClose={() => setDialog(null)} /> : null}
      {dialog === 'settings' ? <SettingsDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'matrix' ? <MatrixDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'export' && state.project ? <ExportDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'palette' ? <CommandPalette enabled={commands.enabled} run={commands.run} onClose={() => setDialog(null)} /> : null}
      {dialog === 'about' ? <AboutDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'backups' ? <BackupsDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'paste' ? <PasteDocumentDialog onClose={() => setDialog(null)} /> : null}
      <ClusterDialogHost />
      <Toasts />
    </>
  );

  if (!state.project) {
    return (
      <div className="welcome-shell">
        {menuBar}
        <Welcome
          onNew={() => void projects.ask('new')}
          onOpen={() => void projects.ask('open')}
          onOpenRecent={(id) => void projects.openEntry(id)}
          onSettings={() => setDialog('settings')}
        />
        {dialogs}
      </div>
    );
  }

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node)) setDragging(false);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(false);
        void importFiles([...e.dataTransfer.files].map(fromFile));
      }}
    >
      <TagStyles tags={state.tags} />
      {menuBar}
      <header className="topbar">
        <PanelToggle command="sidebar.toggle" label={t('layout.sidebar')} shown={state.layout.sidebar} onToggle={() => void commands.run('sidebar.toggle')} />
        <span className="brand">Crossread</span>
        <span className="project-name" title={state.project.path}>
          {state.project.name}
        </span>
        {state.project.readOnly ? <span className="badge warn">{t('project.readOnly')}</span> : null}
        <ShareUi />
        <RefiUi />
        <span className="spacer" />
        <TeamUi />
        <button type="button" onClick={() => void commands.run('documents.import')} disabled={state.project.readOnly}>
          {t('toolbar.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="import-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files.map(fromFile));
          }}
        />
        <button type="button" onClick={() => setDialog('tags')}>
          {t('toolbar.tags')}
        </button>
        <AttributesUi />
        <button type="button" onClick={() => setDialog('matrix')}>
          {t('matrix.open')}
        </button>
        <button type="button" onClick={() => setDialog('export')}>
          {t('toolbar.export')}
        </button>
        <button type="button" onClick={() => setDialog('settings')}>
          {t('toolbar.settings')}
        </button>
        <button type="button" onClick={() => void commands.run('project.switch')}>
          {t('project.switch')}
        </button>
        <PanelToggle command="inspector.toggle" label={t('layout.inspector')} shown={state.layout.inspector} onToggle={() => void commands.run('inspector.toggle')} />
      </header>
      <div className="workspace">
        {state.layout.sidebar ? <Sidebar tab={sidebar.tab} focusKey={sidebar.focusKey} onTab={showTab} /> : null}
        <Panes />
        <ClaimInspector />
      </div>
      <LinkBanner />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          {t('import.drop')}
        </div>
      ) : null}
      <TagPopover />
      {dialogs}
    </div>
  );
}
