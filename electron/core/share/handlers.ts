import fs from 'node:fs';
import path from 'node:path';
import type { ApiName, ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { Project } from '../store/project';
import { exportText } from './export';
import { conflicts, resolveConflict } from './conflicts';
import { readRegularFile } from '../files/read';
import { SHARE_LIMITS } from './limits';
import { anchors, deleteOrphan, importShared, orphans, reattach } from './service';

type ShareName = Extract<ApiName, `share.${string}`>;
export type ShareHandlers = { [N in ShareName]: (input: ApiParsedInput<N>) => ApiOutput<N> };

/** The extension of annotation files. */
export const SHARE_EXTENSION = '.crossread.json';

/** A file name from the project's name, with no folder in it. */
export function exportFileName(project: Project): string {
  return `${path.basename(project.file, '.crossread')}-annotations${SHARE_EXTENSION}`;
}

/** The backend handlers for the `share.*` entries of the API contract. */
export function shareHandlers(requireProject: () => Project, author: () => string): ShareHandlers {
  return {
    'share.export': ({ embedText }) => {
      const p = requireProject();
      return { fileName: exportFileName(p), content: exportText(p, { embedText, recordBases: true }) };
    },
    'share.exportTo': ({ path: file, embedText }) => {
      const p = requireProject();
      const target = file.toLowerCase().endsWith('.json') ? file : `${file}${SHARE_EXTENSION}`;
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, exportText(p, { embedText, recordBases: true }));
      fs.renameSync(tmp, target);
      return { path: target };
    },
    'share.import': ({ file, path: filePath, dryRun }) => {
      const p = requireProject();
      if (file) return importShared(p, Buffer.from(file.dataBase64, 'base64'), file.name, dryRun);
      // A regular file only, its size checked while reading: never a device, a pipe or a link out of its folder.
      const bytes = readRegularFile(filePath!, { maxBytes: SHARE_LIMITS.maxFileBytes, what: 'annotation files' });
      return importShared(p, bytes, path.basename(filePath!), dryRun);
    },
    'share.anchors': () => anchors(requireProject()),
    'share.orphans': () => orphans(requireProject()),
    'share.reattach': (input) => reattach(requireProject(), input),
    'share.deleteOrphan': ({ id }) => {
      deleteOrphan(requireProject(), id);
      return null;
    },
    'share.conflicts': () => conflicts(requireProject()),
    'share.resolveConflict': ({ id, choice }) => {
      resolveConflict(requireProject(), id, choice, author());
      return null;
    },
  };
}
