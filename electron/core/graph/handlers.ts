import type { ApiName, ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { Project } from '../store/project';
import { GraphPositions } from './positions';

type GraphName = Extract<ApiName, `graph.${string}`>;
export type GraphHandlers = { [N in GraphName]: (input: ApiParsedInput<N>) => ApiOutput<N> };

/** The backend handlers for the `graph.*` entries of the API contract. */
export function graphHandlers(requireProject: () => Project): GraphHandlers {
  return {
    'graph.positions': ({ arrangement }) => new GraphPositions(requireProject()).list(arrangement),
    'graph.place': ({ arrangement, positions }) => {
      new GraphPositions(requireProject()).place(arrangement, positions);
      return null;
    },
    'graph.resetLayout': ({ arrangement }) => ({ removed: new GraphPositions(requireProject()).reset(arrangement) }),
  };
}
