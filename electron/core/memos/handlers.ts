import type { ApiName, ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { Project } from '../store/project';
import { rememberSaveBase } from '../team/save-bases';
import { Memos } from './memos';

type MemoName = Extract<ApiName, `memos.${string}`>;
export type MemoHandlers = { [N in MemoName]: (input: ApiParsedInput<N>) => ApiOutput<N> };

/** The backend handlers for the `memos.*` entries of the API contract. */
export function memoHandlers(requireProject: () => Project, author: () => string): MemoHandlers {
  return {
    'memos.list': () => new Memos(requireProject()).list(),
    'memos.get': ({ owner }) => new Memos(requireProject()).get(owner),
    'memos.save': ({ owner, json, base }) => {
      const memos = new Memos(requireProject());
      const saved = memos.save(owner, json, author());
      const key = memos.key(owner);
      rememberSaveBase(requireProject(), `${key.kind}:${key.id}`, base);
      return saved;
    },
  };
}
