import type { ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { Project } from '../store/project';

/** The backend handler for `tags.favourite`: starring a tag is one undo step; starring it again changes nothing and records none. */
export function favouriteHandlers(requireProject: () => Project): {
  'tags.favourite': (input: ApiParsedInput<'tags.favourite'>) => ApiOutput<'tags.favourite'>;
} {
  return {
    'tags.favourite': ({ id, favourite }) => {
      const p = requireProject();
      if (p.tags.get(id).favourite === favourite) return { tag: p.tags.get(id), step: null };
      const tag = p.undoable(p.labels.tagFavourite(id, favourite), () => p.tags.setFavourite(id, favourite));
      return { tag, step: p.history.lastRecorded() };
    },
  };
}
