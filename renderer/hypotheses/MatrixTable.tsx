import { useEffect, useRef, type KeyboardEvent } from 'react';
import { RATINGS, type EvidenceRow, type Level, type Matrix } from '../../shared/hypotheses';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { RatingCell } from './RatingCell';
import { edit, explainCell, moveCursor, rateCell, setCursor, updateRow, useHypotheses } from './store';
import type { MatrixView } from './useMatrixView';

const LEVEL_KEYS = { low: 'hyp.level.low', medium: 'hyp.level.medium', high: 'hyp.level.high' } as const;
const fmt = (n: number) => (Math.abs(n) < 0.005 ? '0' : n.toFixed(2).replace('-', '−'));

/**
 * The matrix: evidence rows × hypothesis columns, keyboard first. Arrows move, 1–6 rate
 * (CC C N I II NA), 0 or Delete clears, Space takes the suggested rating, Enter writes the reason.
 */
export function MatrixTable({ matrix, view, editable }: { matrix: Matrix; view: MatrixView; editable: boolean }) {
  const t = useT();
  const { actions } = useWorkspace();
  const cursor = useHypotheses((s) => s.cursor);
  const me = matrix.authors[0] ?? '';
  const table = useRef<HTMLTableElement>(null);
  const afterEdit = () => void actions.refresh('history');

  // Roving focus: the cursor's cell holds the focus while the grid has it.
  useEffect(() => {
    const el = table.current?.querySelector<HTMLElement>(`[data-cell="${cursor.row}:${cursor.col}"]`);
    if (el && table.current?.contains(document.activeElement) && document.activeElement !== el && document.activeElement?.closest('td.hyp-cell')) el.focus();
  }, [cursor]);

  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
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
  const linchpins = new Set(view.scores.linchpins);
  return (
    <table className="hyp-matrix" role="grid" aria-label={t('hyp.matrix')} ref={table} onKeyDown={onKey}>
      <thead>
        <tr>
          <th scope="col" className="hyp-evidence-head">{t('hyp.evidence')}</th>
          {matrix.hypotheses.map((h, i) => (
            <th key={h.id} scope="col" className={h.id === top ? 'hyp-col top' : 'hyp-col'} aria-label={h.title}>
              <div className="hyp-col-title">{h.title}</div>
              <div className="hyp-score" data-testid={`score-${i}`} title={t('hyp.score.tip')}>
                {fmt(view.scores.scores[i] ?? 0)}
              </div>
            </th>
          ))}
          <th scope="col" className="hyp-diag-head" title={t('hyp.diagnosticity.tip')}>{t('hyp.diagnosticity.short')}</th>
        </tr>
      </thead>
      <tbody>
        {view.order.map((ri) => {
          const row = matrix.rows[ri]!;
          const diag = view.scores.diagnosticity.get(row.id) ?? 0;
          const classes = ['hyp-row', diag === 0 ? 'flat' : '', row.doubtful ? 'doubtful' : '', row.missing ? 'missing' : '', linchpins.has(row.id) ? 'linchpin' : ''];
          return (
            <tr key={row.id} className={classes.filter(Boolean).join(' ')} aria-label={row.text}>
              <th scope="row" className="hyp-evidence">
                <RowHead row={row} editable={editable} onChange={afterEdit} linchpin={linchpins.has(row.id)} />
              </th>
              {matrix.hypotheses.map((h, ci) => (
                <RatingCell
                  key={h.id}
                  at={`${ri}:${ci}`}
                  active={cursor.row === ri && cursor.col === ci}
                  rating={view.rating(row.id, h.id)}
                  suggestion={view.suggestion(row.id, h.id)}
                  rationale={view.rationale(row.id, h.id)}
                  group={view.group(row.id, h.id)}
                  authors={matrix.authors}
                  label={`${row.text.slice(0, 60)} — ${h.title}`}
                  onFocus={() => setCursor({ row: ri, col: ci })}
                />
              ))}
              <td className="hyp-diag" title={t('hyp.diagnosticity.tip')}>{diag.toFixed(2)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RowHead({ row, editable, onChange, linchpin }: { row: EvidenceRow; editable: boolean; onChange(): void; linchpin: boolean }) {
  const t = useT();
  const kindLabel = t(`hyp.kind.${row.kind}`);
  return (
    <div className="hyp-row-head">
      <span className="hyp-kind">{kindLabel}</span>
      <span className="hyp-text">{row.text}</span>
      {row.source ? <span className="hyp-source">{row.source}</span> : null}
      {row.kind === 'cluster' ? <span className="hyp-badge">{t('hyp.sources', { count: row.sources })}</span> : null}
      {row.missing ? <span className="hyp-badge warn">{t('hyp.missing')}</span> : null}
      {linchpin ? <span className="hyp-badge linchpin">{t('hyp.linchpin')}</span> : null}
      <span className="hyp-levels">
        <LevelSelect
          label={t('hyp.credibility')}
          short={t('hyp.credibility.short')}
          value={row.credibility}
          fallback={row.effectiveCredibility}
          grading={row.grading}
          disabled={!editable}
          onChange={(credibility) => void updateRow(row.id, { credibility }, onChange)}
        />
        <LevelSelect label={t('hyp.relevance')} short={t('hyp.relevance.short')} value={row.relevance} disabled={!editable} onChange={(relevance) => relevance && void updateRow(row.id, { relevance }, onChange)} />
        <label className="hyp-doubtful">
          <input
            type="checkbox"
            checked={row.doubtful}
            disabled={!editable}
            onChange={(e) => void updateRow(row.id, { doubtful: e.target.checked }, onChange)}
          />
          {t('hyp.doubtful')}
        </label>
        {editable ? (
          <button type="button" className="link hyp-remove" aria-label={t('hyp.removeRow', { text: row.text.slice(0, 40) })} onClick={() => void edit(() => call('hypotheses.deleteRow', { id: row.id }), undefined, onChange)}>
            {t('hyp.remove')}
          </button>
        ) : null}
      </span>
    </div>
  );
}

function LevelSelect(props: { label: string; short: string; value: Level | null; fallback?: Level; grading?: string | null; disabled: boolean; onChange(v: Level | null): void }) {
  const t = useT();
  const { label, short, value, fallback, grading, disabled, onChange } = props;
  return (
    <label className="hyp-level" title={label}>
      <span aria-hidden>{short}</span>
      <select aria-label={label} value={value ?? ''} disabled={disabled} onChange={(e) => onChange((e.target.value || null) as Level | null)}>
        {fallback ? <option value="">{t('hyp.level.default', { level: t(LEVEL_KEYS[fallback]), grading: grading ?? t('hyp.level.none') })}</option> : null}
        {(['low', 'medium', 'high'] as const).map((l) => (
          <option key={l} value={l}>
            {t(LEVEL_KEYS[l])}
          </option>
        ))}
      </select>
    </label>
  );
}
