import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { RATINGS, type Matrix } from '../../shared/hypotheses';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { MatrixRow } from './MatrixRow';
import { explainCell, moveCursor, rateCell, useHypotheses } from './store';
import type { MatrixView } from './useMatrixView';
const EVIDENCE_EM = 15;
const COLUMN_EM = 8.5;
const DIAG_EM = 4;
const fmt = (n: number) => (Math.abs(n) < 0.005 ? '0' : n.toFixed(2).replace('-', '−'));

/**
 * The matrix: evidence rows × hypothesis columns, keyboard first. Arrows move, 1–6 rate
 * (CC C N I II NA), 0 or Delete clears, Space takes the suggested rating, Enter writes the reason.
 */
export function MatrixTable({ matrix, view, editable }: { matrix: Matrix; view: MatrixView; editable: boolean }) {
  const t = useT();
  const { actions } = useWorkspace();
  const me = matrix.authors[0] ?? '';
  const table = useRef<HTMLDivElement>(null);
  const afterEdit = useCallback(() => void actions.refresh('history'), [actions]);

  // Roving focus: the cursor's cell holds the focus while the grid has it. The table itself does not
  // re-render for a cursor move: each row watches whether the cursor is in it (MatrixRow).
  useEffect(
    () =>
      useHypotheses.subscribe((s, before) => {
        if (s.cursor === before.cursor) return;
        const el = table.current?.querySelector<HTMLElement>(`[data-cell="${s.cursor.row}:${s.cursor.col}"]`);
        if (el && table.current?.contains(document.activeElement) && document.activeElement !== el && document.activeElement?.closest('.hyp-cell')) el.focus();
      }),
    [],
  );

  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const cursor = useHypotheses.getState().cursor;
    const row = matrix.rows[cursor.row];
    const hyp = matrix.hypotheses[cursor.col];
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      moveCursor(move[0], move[1], view.order);
      return;
    }
    if (!row || !hyp || !editable) return;
    const digit = /^[1-6]$/.test(e.key) ? RATINGS[Number(e.key) - 1] : undefined;
    if (digit) {
      e.preventDefault();
      void rateCell(row.id, hyp.id, digit, me, afterEdit);
    } else if (e.key === '0' || e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void rateCell(row.id, hyp.id, null, me, afterEdit);
    } else if (e.key === ' ') {
      const suggested = view.suggestion(row.id, hyp.id);
      e.preventDefault();
      if (suggested && !view.rating(row.id, hyp.id)) void rateCell(row.id, hyp.id, suggested, me, afterEdit);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (view.rating(row.id, hyp.id)) explainCell(cursor);
      else actions.notify('info', t('hyp.rateFirst'));
    }
  };

  const top = view.scores.ranking[0];
  const linchpins = useMemo(() => new Set(view.scores.linchpins), [view]);
  return (
    <div
      className="hyp-matrix"
      role="grid"
      aria-label={t('hyp.matrix')}
      ref={table}
      onKeyDown={onKey}
      style={{ '--hyp-columns': `${EVIDENCE_EM}em repeat(${matrix.hypotheses.length}, minmax(${COLUMN_EM}em, 1fr)) ${DIAG_EM}em`, '--hyp-width': `${EVIDENCE_EM + COLUMN_EM * matrix.hypotheses.length + DIAG_EM}em` } as CSSProperties}
    >
      <div role="rowgroup" className="hyp-head">
        <div role="row" className="hyp-grid-row">
          <div role="columnheader" className="hyp-evidence-head">
            {t('hyp.evidence')}
          </div>
          {matrix.hypotheses.map((h, i) => (
            <div key={h.id} role="columnheader" className={h.id === top ? 'hyp-col top' : 'hyp-col'} aria-label={h.title}>
              <div className="hyp-col-title">{h.title}</div>
              <div className="hyp-score" data-testid={`score-${i}`} title={t('hyp.score.tip')}>
                {fmt(view.scores.scores[i] ?? 0)}
              </div>
            </div>
          ))}
          <div role="columnheader" className="hyp-diag-head" title={t('hyp.diagnosticity.tip')}>
            {t('hyp.diagnosticity.short')}
          </div>
        </div>
      </div>
      <div role="rowgroup" className="hyp-body">
        {view.order.map((ri) => {
          const row = matrix.rows[ri]!;
          return (
            <MatrixRow
              key={row.id}
              row={row}
              index={ri}
              hypotheses={matrix.hypotheses}
              authors={matrix.authors}
              view={view}
              cells={view.cells(row.id)}
              diagnosticity={view.scores.diagnosticity.get(row.id) ?? 0}
              linchpin={linchpins.has(row.id)}
              editable={editable}
              onChange={afterEdit}
            />
          );
        })}
      </div>
    </div>
  );
}
