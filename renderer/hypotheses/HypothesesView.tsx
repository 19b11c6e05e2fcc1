import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { AddEvidence } from './AddEvidence';
import { HypothesisDetails } from './HypothesisDetails';
import { MatrixDropZone } from './MatrixDropZone';
import { MatrixTable } from './MatrixTable';
import { Rationale } from './Rationale';
import { ScoreSummary } from './ScoreSummary';
import { chooseAnalysis, clearError, edit, loadHypotheses, setShown, toggleSort, useHypotheses } from './store';
import { useMatrixView } from './useMatrixView';

/** The Analysis of Competing Hypotheses, as a view beside the text. */
export function HypothesesView() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const project = state.project?.path ?? null;
  // One selector each: the cursor and the edits in flight change on every key and concern the rows only.
  const analyses = useHypotheses((s) => s.analyses);
  const analysisId = useHypotheses((s) => s.analysisId);
  const matrix = useHypotheses((s) => s.matrix);
  const shown = useHypotheses((s) => s.shown);
  const sortByDiagnosticity = useHypotheses((s) => s.sortByDiagnosticity);
  const error = useHypotheses((s) => s.error);
  const view = useMatrixView(matrix, shown, sortByDiagnosticity);
  const writable = !!state.project && !state.project.readOnly;

  // Every change anywhere is an undo step, so a new history (an undo, a merge, a deleted claim) re-reads the
  // matrix; so does a new analyst name, since "mine" are the ratings of whoever is named in Settings.
  useEffect(() => {
    void loadHypotheses(project).catch((err: Error) => actions.notify('error', err.message));
  }, [project, state.history, state.annotations, state.settings.author, actions]);

  useEffect(() => {
    if (error) {
      actions.notify('error', error);
      clearError();
    }
  }, [error, actions]);

  const [question, setQuestion] = useState('');
  const [title, setTitle] = useState('');
  const afterEdit = useCallback(() => void actions.refresh('history'), [actions]);

  const startAnalysis = async () => {
    const q = question.trim();
    if (!q) return;
    const made = await actions.guard(() => call('hypotheses.createAnalysis', { question: q }));
    if (!made) return;
    setQuestion('');
    chooseAnalysis(made.id);
    afterEdit();
  };

  const addHypothesis = (kind: 'plain' | 'deception' | 'other', text: string) => {
    if (!analysisId || !text.trim()) return;
    void edit(() => call('hypotheses.create', { analysisId, title: text.trim(), kind }), undefined, afterEdit);
    if (kind === 'plain') setTitle('');
  };

  const editable = writable && shown.kind === 'mine';
  const hasKind = (k: 'deception' | 'other') => matrix?.hypotheses.some((h) => h.kind === k) ?? false;
  return (
    <div className="hyp-view">
      <div className="hyp-bar">
        {analyses.length > 0 ? (
          <select aria-label={t('hyp.analysis')} value={analysisId ?? ''} onChange={(e) => chooseAnalysis(e.target.value)}>
            {analyses.map((a) => (
              <option key={a.id} value={a.id}>
                {a.question}
              </option>
            ))}
          </select>
        ) : null}
        {writable ? (
          <details className="hyp-new" open={analyses.length === 0}>
            <summary>{t('hyp.newAnalysis')}</summary>
            <form
              className="hyp-inline"
              onSubmit={(e) => {
                e.preventDefault();
                void startAnalysis();
              }}
            >
              <input aria-label={t('hyp.newQuestion')} placeholder={t('hyp.newQuestion')} value={question} maxLength={300} onChange={(e) => setQuestion(e.target.value)} />
              <button type="submit">{t('hyp.startAnalysis')}</button>
            </form>
          </details>
        ) : null}
      </div>
      {!matrix ? (
        <p className="hyp-empty">{t('hyp.empty')}</p>
      ) : (
        <>
          <div className="hyp-bar">
            {writable ? (
              <form
                className="hyp-inline"
                onSubmit={(e) => {
                  e.preventDefault();
                  addHypothesis('plain', title);
                }}
              >
                <input aria-label={t('hyp.newHypothesis')} placeholder={t('hyp.newHypothesis')} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
                <button type="submit">{t('hyp.addHypothesis')}</button>
                {!hasKind('deception') ? (
                  <button type="button" onClick={() => addHypothesis('deception', t('hyp.deception'))}>
                    {t('hyp.addDeception')}
                  </button>
                ) : null}
                {!hasKind('other') ? (
                  <button type="button" onClick={() => addHypothesis('other', t('hyp.other'))}>
                    {t('hyp.addOther')}
                  </button>
                ) : null}
              </form>
            ) : null}
          </div>
          {writable ? <AddEvidence analysisId={matrix.analysis.id} onAdded={afterEdit} /> : null}
          {writable ? <MatrixDropZone analysisId={matrix.analysis.id} /> : null}
          <div className="hyp-bar">
            {matrix.authors.length > 1 ? (
              <div role="radiogroup" aria-label={t('hyp.shown')} className="hyp-shown">
                <ShownButton label={t('hyp.shown.mine')} on={shown.kind === 'mine'} pick={() => setShown({ kind: 'mine' })} />
                {matrix.authors.slice(1).map((a) => (
                  <ShownButton key={a} label={a} on={shown.kind === 'author' && shown.author === a} pick={() => setShown({ kind: 'author', author: a })} />
                ))}
                <ShownButton label={t('hyp.shown.group')} on={shown.kind === 'group'} pick={() => setShown({ kind: 'group' })} />
              </div>
            ) : null}
            <label>
              <input type="checkbox" checked={sortByDiagnosticity} onChange={toggleSort} /> {t('hyp.sortByDiagnosticity')}
            </label>
            <span className="hyp-keys">{t('hyp.keys')}</span>
          </div>
          {view && matrix.hypotheses.length > 0 && matrix.rows.length > 0 ? (
            <>
              <div className="hyp-scroll">
                <MatrixTable matrix={matrix} view={view} editable={editable} />
              </div>
              <Rationale matrix={matrix} view={view} onSaved={afterEdit} />
              <ScoreSummary matrix={matrix} view={view} />
            </>
          ) : (
            <p className="hyp-empty">{t('hyp.needBoth')}</p>
          )}
          <HypothesisDetails hypotheses={matrix.hypotheses} editable={editable} onSaved={afterEdit} />
        </>
      )}
    </div>
  );
}

function ShownButton({ label, on, pick }: { label: string; on: boolean; pick(): void }) {
  return (
    <button type="button" role="radio" aria-checked={on} className={on ? 'active' : ''} onClick={pick}>
      {label}
    </button>
  );
}
