import type { ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { Project } from '../store/project';
import { recordHits } from './records';

/** The backend handler for `search.records`: the search panel's hits in attribute values and the codebook. */
export function recordSearchHandlers(requireProject: () => Project): {
  'search.records': (input: ApiParsedInput<'search.records'>) => ApiOutput<'search.records'>;
} {
  return {
    'search.records': ({ q, limit }) => ({ hits: recordHits(requireProject().database, q, limit) }),
  };
}
