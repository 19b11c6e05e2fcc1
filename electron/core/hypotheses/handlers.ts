import type { ApiName, ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { Project } from '../store/project';
import { HypothesisLabels } from './labels';
import { ClaimWorld, readMatrix } from './matrix';
import { HypothesisStore } from './store';

type HypothesisCall = Extract<ApiName, `hypotheses.${string}`>;
type Handlers = { [N in HypothesisCall]: (input: ApiParsedInput<N>) => ApiOutput<N> };

/** The API of competing-hypotheses analyses; every change is one undo step with a label the UI can word. */
export function hypothesisHandlers(requireProject: () => Project, author: () => string): Handlers {
  const open = () => {
    const project = requireProject();
    const store = new HypothesisStore(project.database);
    return { project, store, labels: new HypothesisLabels(project, store) };
  };
  return {
    'hypotheses.analyses': () => open().store.analyses(),
    'hypotheses.createAnalysis': ({ question }) => {
      const { project, store, labels } = open();
      return project.undoable((a: { id: string }) => labels.analysis('analysis.create', a.id), (now) => store.createAnalysis(question, author(), now));
    },
    'hypotheses.renameAnalysis': ({ id, question }) => {
      const { project, store, labels } = open();
      return project.undoable(() => labels.analysis('analysis.rename', id), (now) => store.renameAnalysis(id, question, now));
    },
    'hypotheses.deleteAnalysis': ({ id }) => {
      const { project, store, labels } = open();
      return project.undoableStep(labels.analysis('analysis.delete', id), (now) => store.deleteAnalysis(id, now));
    },
    'hypotheses.matrix': ({ analysisId }) => readMatrix(requireProject(), analysisId, author()),
    'hypotheses.create': ({ analysisId, title, kind }) => {
      const { project, store, labels } = open();
      return project.undoable((h: { id: string }) => labels.hypothesis('hypothesis.create', h.id), (now) => store.createHypothesis(analysisId, title, kind, author(), now));
    },
    'hypotheses.update': ({ id, title, description, session }) => {
      const { project, store, labels } = open();
      // The session is the hypothesis's own: another hypothesis's autosave never joins its step.
      const key = session === undefined ? undefined : `hypothesis:${id}:${session}`;
      return project.undoable(() => labels.hypothesis('hypothesis.update', id), (now) => store.updateHypothesis(id, { title, description }, now), key);
    },
    'hypotheses.move': ({ id, index }) => {
      const { project, store, labels } = open();
      project.undoable(labels.hypothesis('hypothesis.move', id), (now) => store.moveHypothesis(id, index, now));
      return null;
    },
    'hypotheses.delete': ({ id }) => {
      const { project, store, labels } = open();
      return project.undoableStep(labels.hypothesis('hypothesis.delete', id), (now) => store.deleteHypothesis(id, now));
    },
    'hypotheses.addRows': ({ analysisId, rows }) => {
      const { project, store } = open();
      const ids = project.undoable(
        (added: string[]) => ({ kind: 'evidence.add', params: { count: added.length } }),
        (now) => {
          const world = new ClaimWorld(project);
          const covered = world.coveredBy(store.rows(analysisId));
          return store.addRows(
            analysisId,
            rows,
            (claimId) => {
              // A row added in this same call covers its claims too, so a selection of one cluster's members adds it once.
              const hit = covered.has(claimId);
              const kind = rows.find((r) => 'claimId' in r && r.claimId === claimId)?.kind ?? 'claim';
              if (!hit) for (const id of world.covers({ kind, claim_id: claimId })) covered.add(id);
              return hit;
            },
            author(),
            now,
          );
        },
      );
      return { added: ids.length, skipped: rows.length - ids.length };
    },
    'hypotheses.updateRow': ({ id, ...patch }) => {
      const { project, store, labels } = open();
      project.undoable(labels.row('evidence.update', id), (now) => store.updateRow(id, patch, now));
      return null;
    },
    'hypotheses.moveRow': ({ id, index }) => {
      const { project, store, labels } = open();
      project.undoable(labels.row('evidence.move', id), (now) => store.moveRow(id, index, now));
      return null;
    },
    'hypotheses.deleteRow': ({ id }) => {
      const { project, store, labels } = open();
      return project.undoableStep(labels.row('evidence.delete', id), (now) => store.deleteRow(id, now));
    },
    'hypotheses.rate': ({ rowId, hypothesisId, rating }) => {
      const { project, store, labels } = open();
      project.undoable(labels.rating(rowId, hypothesisId, rating), (now) => store.rate(rowId, hypothesisId, rating, author(), now));
      return null;
    },
    'hypotheses.explain': ({ rowId, hypothesisId, rationale }) => {
      const { project, store, labels } = open();
      project.undoable(labels.explain(rowId, hypothesisId), (now) => store.explain(rowId, hypothesisId, rationale, author(), now));
      return null;
    },
    'hypotheses.search': ({ q, limit }) =>
      open()
        .store.find(q, limit)
        .map((h) => ({ analysisId: h.analysis.id, question: h.analysis.question, hypothesisId: h.hypothesis?.id ?? null, field: h.field, text: h.text })),
  };
}
