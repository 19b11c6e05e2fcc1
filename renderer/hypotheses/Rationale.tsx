import { useEffect, useRef, useState } from 'react';
import type { Matrix } from '../../shared/hypotheses';
import { call } from '../api/client';
import { useT } from '../i18n/I18n';
import { edit, explainCell, useHypotheses } from './store';
import type { MatrixView } from './useMatrixView';

/** The reason for my rating of the cell under the cursor: Enter saves, Shift+Enter breaks the line, Escape leaves it. */
export function Rationale({ matrix, view, onSaved }: { matrix: Matrix; view: MatrixView; onSaved(): void }) {
  const t = useT();
  const at = useHypotheses((s) => s.explaining);
  const row = at ? matrix.rows[at.row] : undefined;
  const hyp = at ? matrix.hypotheses[at.col] : undefined;
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!row || !hyp) return;
    setText(view.rationale(row.id, hyp.id));
    box.current?.focus();
    // Only when another cell is explained: the text typed stays while the matrix reloads.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- view changes on every reload
  }, [row?.id, hyp?.id]);
  if (!at || !row || !hyp) return null;
  const back = () => {
    explainCell(null);
    document.querySelector<HTMLElement>(`[data-cell="${at.row}:${at.col}"]`)?.focus();
  };
  const save = () => {
    void edit(() => call('hypotheses.explain', { rowId: row.id, hypothesisId: hyp.id, rationale: text }), undefined, onSaved);
    back();
  };
  return (
    <div className="hyp-rationale">
      <label>
        {t('hyp.rationaleFor', { hypothesis: hyp.title })}
        <textarea
          ref={box}
          value={text}
          maxLength={5000}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              save();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              back();
            }
          }}
        />
      </label>
    </div>
  );
}
