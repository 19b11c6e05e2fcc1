import { useEffect, useState } from 'react';
import type { HypothesisHit } from '../../shared/hypotheses';
import { call } from '../api/client';
import { useT } from '../i18n/I18n';
import { useViewPane } from '../views/useViewPane';
import { chooseAnalysis, setCursor, useHypotheses } from './store';

/** Search hits in analyses' questions and hypotheses' titles and descriptions; a click opens the matrix there. */
export function HypothesisHits({ q }: { q: string }) {
  const t = useT();
  const { open } = useViewPane();
  const [hits, setHits] = useState<HypothesisHit[]>([]);
  useEffect(() => {
    let alive = true;
    const query = q.trim();
    if (!query) {
      setHits([]);
      return;
    }
    call('hypotheses.search', { q: query }).then(
      (h) => alive && setHits(h),
      () => alive && setHits([]),
    );
    return () => {
      alive = false;
    };
  }, [q]);
  if (hits.length === 0) return null;
  const show = async (h: HypothesisHit) => {
    open('hypotheses');
    chooseAnalysis(h.analysisId);
    // The column of the hypothesis found, once its matrix is read.
    const unsubscribe = useHypotheses.subscribe((s) => {
      const col = s.matrix?.analysis.id === h.analysisId ? s.matrix.hypotheses.findIndex((x) => x.id === h.hypothesisId) : -1;
      if (col >= 0) {
        setCursor({ row: 0, col });
        unsubscribe();
      }
    });
  };
  return (
    <div className="search-group hypothesis-hits">
      <h3>{t('hyp.hits', { count: hits.length })}</h3>
      <ul>
        {hits.map((h) => (
          <li key={`${h.analysisId}-${h.hypothesisId ?? ''}-${h.field}`}>
            <button type="button" onClick={() => void show(h)}>
              <span className="muted small">{t(`hyp.hit.${h.field}`)}</span> {h.text.slice(0, 160)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
