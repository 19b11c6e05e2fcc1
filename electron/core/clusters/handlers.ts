import type { ApiName, ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { Project } from '../store/project';
import { ClusterTitles } from './clusters';

type ClusterName = Extract<ApiName, `clusters.${string}`>;
export type ClusterHandlers = { [N in ClusterName]: (input: ApiParsedInput<N>) => ApiOutput<N> };

/** The backend handlers for the `clusters.*` entries of the API contract. */
export function clusterHandlers(requireProject: () => Project, author: () => string): ClusterHandlers {
  return {
    'clusters.list': () => new ClusterTitles(requireProject()).list(),
    'clusters.rename': ({ key, title }) => new ClusterTitles(requireProject()).rename(key, title, author()),
    'clusters.search': ({ q }) => new ClusterTitles(requireProject()).search(q),
  };
}
