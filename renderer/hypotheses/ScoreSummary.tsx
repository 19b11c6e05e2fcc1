import type { Matrix } from '../../shared/hypotheses';
import { useT } from '../i18n/I18n';
import type { MatrixView } from './useMatrixView';

const fmt = (n: number) => (Math.abs(n) < 0.005 ? '0' : n.toFixed(2).replace('-', '−'));

/** The ranking, the ranking without the doubtful rows, and the linchpins: the rows the conclusion hangs on. */
export function ScoreSummary({ matrix, view }: { matrix: Matrix; view: MatrixView }) {
  const t = useT();
  const title = new Map(matrix.hypotheses.map((h) => [h.id, h.title]));
  const index = new Map(matrix.hypotheses.map((h, i) => [h.id, i]));
  const doubtful = matrix.rows.filter((r) => r.doubtful).length;
  const sensitivity = matrix.hypotheses
    .map((h, i) => ({ h, s: view.scores.withoutDoubtful[i] ?? 0 }))
    .sort((a, b) => b.s - a.s || index.get(a.h.id)! - index.get(b.h.id)!);
  const rowText = new Map(matrix.rows.map((r) => [r.id, r.text]));
  return (
    <section className="hyp-summary" aria-label={t('hyp.summary')}>
      <div>
        <h4 title={t('hyp.score.tip')}>{t('hyp.ranking')}</h4>
        <ol data-testid="hyp-ranking">
          {view.scores.ranking.map((id) => (
            <li key={id}>
              {title.get(id)} <span className="hyp-num">{fmt(view.scores.scores[index.get(id)!] ?? 0)}</span>
            </li>
          ))}
        </ol>
      </div>
      {doubtful > 0 ? (
        <div>
          <h4>{t('hyp.withoutDoubtful', { count: doubtful })}</h4>
          <ol data-testid="hyp-sensitivity">
            {sensitivity.map(({ h, s }) => (
              <li key={h.id}>
                {h.title} <span className="hyp-num">{fmt(s)}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <div>
        <h4 title={t('hyp.linchpins.tip')}>{t('hyp.linchpins')}</h4>
        {view.scores.linchpins.length === 0 ? (
          <p className="muted">{t('hyp.noLinchpins')}</p>
        ) : (
          <ul data-testid="hyp-linchpins">
            {view.scores.linchpins.map((id) => (
              <li key={id}>{rowText.get(id)}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
