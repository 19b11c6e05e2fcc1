import type { useProjectCommands } from './useProjectCommands';
import { ProjectBrowser } from './ProjectBrowser';
import { TakeOverDialog } from './TakeOverDialog';

/** The dialogs of the project commands: the project browser (browser mode) and the take-over prompt. */
export function ProjectDialogs({ projects }: { projects: ReturnType<typeof useProjectCommands> }) {
  return (
    <>
      {projects.browser ? (
        <ProjectBrowser
          mode={projects.browser}
          onOpen={(id) => projects.openEntry(id).then(() => null)}
          onCreate={(folder, name) => projects.createIn(folder, name)}
          onClose={projects.closeBrowser}
        />
      ) : null}
      {projects.locked ? <TakeOverDialog message={projects.locked.message} onTakeOver={projects.locked.takeOver} onClose={projects.cancelTakeOver} /> : null}
    </>
  );
}
