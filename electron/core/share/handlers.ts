import fs from 'node:fs';
import path from 'node:path';
import type { ApiName, ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { Project } from '../store/project';
import { exportText } from './export';
import { conflicts, resolveConflict } from './conflicts';
import { readRegularFile } from '../files/read';
import { ShareJobs } from './jobs';
import { SHARE_LIMITS } from './limits';
import { acceptCandidate, anchors, deleteOrphan, importShared, orphans, reattach, rejectCandidate } from './service';

type ShareName = Extract<ApiName, `share.${string}`>;
type ShareJobName = 'share.startImport' | 'share.importJob' | 'share.cancelImport';
export type ShareHandlers = { [N in Exclude<ShareName, ShareJobName>]: (input: ApiParsedInput<N>) => ApiOutput<N> };
type ShareJobHandlers = { [N in ShareJobName]: (input: ApiParsedInput<N>) => ApiOutput<N> };

/** The extension of annotation files. */
export const SHARE_EXTENSION = '.crossread.json';

/** A file name from the project's name, with no folder in it. */
export function exportFileName(project: Project): string {
  return `${path.basename(project.file, '.crossread')}-annotations${SHARE_EXTENSION}`;
}

/** The backend handlers for the `share.*` entries of the API contract. */
export function shareHandlers(requireProject: () => Project, author: () => string, version = ''): ShareHandlers {
  return {
    'share.export': ({ embedText }) => {
      const p = requireProject();
      return { fileName: exportFileName(p), content: exportText(p, { embedText, recordBases: true, version }) };
    },
    'share.exportTo': ({ path: file, embedText }) => {
      const p = requireProject();
      // A name the user gave a JSON or JSON-LD extension is kept as given.
      const target = /\.(?:json|jsonld|json-ld)$/i.test(file) ? file : `${file}${SHARE_EXTENSION}`;
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, exportText(p, { embedText, recordBases: true, version }));
      fs.renameSync(tmp, target);
      return { path: target };
    },
    'share.import': (input) => {
      const p = requireProject();
      const { bytes, name } = importSource(input);
      return importShared(p, bytes, name, input.dryRun);
    },
    'share.anchors': () => anchors(requireProject()),
    'share.orphans': () => orphans(requireProject()),
    'share.reattach': (input) => reattach(requireProject(), input),
    'share.deleteOrphan': ({ id }) => {
      deleteOrphan(requireProject(), id);
      return null;
    },
    'share.acceptCandidate': ({ id }) => acceptCandidate(requireProject(), id),
    'share.rejectCandidate': ({ id }) => {
      rejectCandidate(requireProject(), id);
      return null;
    },
    'share.conflicts': () => conflicts(requireProject()),
    'share.resolveConflict': ({ id, choice }) => {
      resolveConflict(requireProject(), id, choice, author());
      return null;
    },
  };
}

/** The bytes and the file name of an import request (uploaded, or read from a path the native dialog returned). */
function importSource({ file, path: filePath }: ApiParsedInput<'share.import'>): { bytes: Uint8Array; name: string } {
  if (file) return { bytes: Buffer.from(file.dataBase64, 'base64'), name: file.name };
  // A regular file only, its size checked while reading: never a device, a pipe or a link out of its folder.
  return { bytes: readRegularFile(filePath!, { maxBytes: SHARE_LIMITS.maxFileBytes, what: 'annotation files' }), name: path.basename(filePath!) };
}

/** The handlers of background imports (jobs.ts): start, watch, cancel. */
export function shareJobHandlers(requireProject: () => Project, currentProject: () => Project | null): ShareJobHandlers {
  const jobs = new ShareJobs();
  return {
    'share.startImport': (input) => {
      const p = requireProject();
      const { bytes, name } = importSource(input);
      return jobs.start(p, currentProject, bytes, name, input.dryRun);
    },
    'share.importJob': ({ jobId }) => jobs.status(jobId),
    'share.cancelImport': ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
  };
}
