/**
 * The API entries that open and create project files: by path (the desktop's dialogs, the CLI)
 * and by handle (browser mode's file browser and recent list, where the page names no path).
 * Every path is checked the same way before SQLite sees it: a regular file, never a device or a
 * pipe (opening one would hang or read forever).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiOutput, ApiParsedInput, ProjectInfo } from '../../../shared/contract';
import { AppError } from '../errors';
import type { OpenHooks } from '../store/db';
import { Project } from '../store/project';
import { listFolder, PROJECT_EXTENSION } from './browse';
import { Handles } from './handles';
import { displayName, resolveRegularFile } from './read';

type ProjectFileCall = 'project.open' | 'project.create' | 'project.recent' | 'files.browse' | 'project.openEntry' | 'project.createIn';
export type ProjectFileHandlers = { [N in ProjectFileCall]: (input: ApiParsedInput<N>) => ApiOutput<N> };

export interface ProjectFileDeps {
  openHooks: OpenHooks;
  recent(): string[];
  /** Where files.browse starts (the home folder when not given). */
  browseFrom?: string | undefined;
  /** Makes `project` the open one (claiming its lock; `takeOver` claims it from another holder). */
  switchTo(project: Project, opts: { created?: boolean; takeOver?: boolean }): ProjectInfo;
}

export function withExtension(file: string): string {
  return file.toLowerCase().endsWith(PROJECT_EXTENSION) ? file : `${file}${PROJECT_EXTENSION}`;
}

/** Opens an existing project file after checking what the path is. */
export function openProjectFile(file: string, hooks: OpenHooks): Project {
  let real: string;
  try {
    real = resolveRegularFile(file, 'projects', true);
  } catch (err) {
    // A folder, a pipe or a device where a project was expected is, to the user, a file that is no project.
    if (err instanceof AppError && err.code === 'bad-input') throw new AppError('project-invalid', err.message);
    throw err;
  }
  return Project.open(real, hooks);
}

/** Creates a new project file; the folder must exist and nothing may be at the path yet. */
export function createProjectFile(file: string): Project {
  const target = withExtension(file);
  const folder = fs.statSync(path.dirname(target), { throwIfNoEntry: false });
  if (!folder?.isDirectory()) throw new AppError('not-found', `The folder for ${displayName(target)} does not exist.`);
  if (fs.lstatSync(target, { throwIfNoEntry: false })) {
    throw new AppError('conflict', `${displayName(target)} already exists in that folder; open it, or choose another name.`);
  }
  return Project.create(target);
}

export function projectFileHandlers(deps: ProjectFileDeps): ProjectFileHandlers {
  const handles = new Handles();
  return {
    'project.open': ({ path: file, takeOver }) => deps.switchTo(openProjectFile(file, deps.openHooks), { takeOver }),
    'project.create': ({ path: file }) => deps.switchTo(createProjectFile(file), { created: true }),
    'project.recent': () =>
      deps.recent().map((p) => ({
        path: p,
        name: path.basename(p, PROJECT_EXTENSION),
        exists: fs.existsSync(p),
        id: handles.issue('project', p),
      })),
    'files.browse': ({ folder, find }) => listFolder(handles, folder === undefined ? deps.browseFrom : handles.resolve(folder, 'folder'), find),
    'project.openEntry': ({ id, takeOver }) => deps.switchTo(openProjectFile(handles.resolve(id, 'project'), deps.openHooks), { takeOver }),
    'project.createIn': ({ folder, name }) => deps.switchTo(createProjectFile(path.join(handles.resolve(folder, 'folder'), name)), { created: true }),
  };
}
