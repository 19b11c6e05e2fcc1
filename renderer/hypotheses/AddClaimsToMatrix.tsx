import { useEffect, useState } from 'react';
import { ADD_ROWS_MAX, type Analysis } from '../../shared/hypotheses';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { addClaims } from './addClaims';
import { useHypotheses } from './store';

/**
 * The claim browser's way in: the rows picked in the browser, or else every claim it shows (the
 * current filter), go into an analysis as rows in one undo step. With several analyses the analyst
 * picks which one.
 */
export function AddClaimsToMatrix({ claimIds, picked = false }: { claimIds: readonly string[]; picked?: boolean }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const path = state.project?.path ?? null;
  const [analyses, setAnalyses] = useState<Analysis[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const open = useHypotheses((s) => s.analysisId);
  // An analysis made, renamed or deleted (in this window or by an undo) changes the history.
  useEffect(() => {
    if (!path) return setAnalyses([]);
    let alive = true;
    call('hypotheses.analyses', {}).then(
      (a) => alive && setAnalyses(a),
      () => alive && setAnalyses([]),
    );
    return () => {
      alive = false;
    };
  }, [path, state.history]);
  if (!state.project || state.project.readOnly || analyses.length === 0 || claimIds.length === 0) return null;
  const target = analyses.find((a) => a.id === chosen) ?? analyses.find((a) => a.id === open) ?? analyses[0]!;
  const tooMany = claimIds.length > ADD_ROWS_MAX;
  return (
    <div className="browser-matrix">
      {analyses.length > 1 ? (
        <select aria-label={t('hyp.analysisFor')} value={target.id} onChange={(e) => setChosen(e.target.value)}>
          {analyses.map((a) => (
            <option key={a.id} value={a.id}>
              {a.question}
            </option>
          ))}
        </select>
      ) : null}
      <button
        type="button"
        disabled={tooMany}
        title={tooMany ? t('hyp.tooManyToAdd', { max: ADD_ROWS_MAX }) : target.question}
        onClick={() => void addClaims(target.id, claimIds, t, actions, () => void actions.refresh('history'))}
      >
        {t(picked ? 'hyp.addPicked' : 'hyp.addClaims', { count: claimIds.length })}
      </button>
    </div>
  );
}
