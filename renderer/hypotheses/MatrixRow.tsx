import { memo } from 'react';
import type { EvidenceRow, Hypothesis } from '../../shared/hypotheses';
import { useT } from '../i18n/I18n';
import { RatingCell } from './RatingCell';
import { RowHead } from './RowHead';
import { setCursor, useHypotheses } from './store';
import type { MatrixView } from './useMatrixView';

interface Props {
  row: EvidenceRow;
  /** The row's index in the matrix (the cells' `data-cell` and the cursor use it). */
  index: number;
  hypotheses: readonly Hypothesis[];
  authors: readonly string[];
  view: MatrixView;
  /**
   * Everything the row's cells show, as one string: a row re-renders only when it changes, so a
   * key press on a 500-row matrix renders one row, not six thousand cells.
   */
  cells: string;
  diagnosticity: number;
  linchpin: boolean;
  editable: boolean;
  onChange(): void;
}

/** One evidence row of the matrix: its head (text, source, levels, doubtful) and a rating cell per hypothesis. */
function MatrixRowView({ row, index, hypotheses, authors, view, diagnosticity, linchpin, editable, onChange }: Props) {
  const t = useT();
  // Each row watches the cursor itself, so a cursor move renders the row it leaves and the row it enters.
  const activeCol = useHypotheses((s) => (s.cursor.row === index ? s.cursor.col : -1));
  const classes = ['hyp-row', 'hyp-grid-row', diagnosticity === 0 ? 'flat' : '', row.doubtful ? 'doubtful' : '', row.missing ? 'missing' : '', linchpin ? 'linchpin' : ''];
  return (
    <div role="row" className={classes.filter(Boolean).join(' ')} aria-label={row.text}>
      <div role="rowheader" className="hyp-evidence">
        <RowHead row={row} editable={editable} onChange={onChange} linchpin={linchpin} />
      </div>
      {hypotheses.map((h, ci) => (
        <RatingCell
          key={h.id}
          at={`${index}:${ci}`}
          active={activeCol === ci}
          rating={view.rating(row.id, h.id)}
          suggestion={view.suggestion(row.id, h.id)}
          rationale={view.rationale(row.id, h.id)}
          group={view.group(row.id, h.id)}
          authors={authors}
          label={`${row.text.slice(0, 60)} — ${h.title}`}
          onFocus={() => setCursor({ row: index, col: ci })}
        />
      ))}
      <div role="gridcell" className="hyp-diag" title={t('hyp.diagnosticity.tip')}>
        {diagnosticity.toFixed(2)}
      </div>
    </div>
  );
}

/** `view` is left out on purpose: `cells` says everything of it this row shows. */
export const MatrixRow = memo(
  MatrixRowView,
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.cells === b.cells &&
    a.diagnosticity === b.diagnosticity &&
    a.linchpin === b.linchpin &&
    a.editable === b.editable &&
    a.hypotheses === b.hypotheses &&
    a.authors === b.authors &&
    a.onChange === b.onChange,
);
