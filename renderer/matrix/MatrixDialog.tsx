import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { UNTAGGED, useClaimFilters } from '../browser/filters';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { buildMatrix, type MatrixCell } from './matrixModel';
import { useAttributes } from '../attributes/AttributesContext';
import { attributeName } from '../attributes/attributeLabels';
import { buildValueMatrix, type ValueCell } from '../attributes/valueMatrix';
import { ValueMatrixTable } from '../attributes/ValueMatrixTable';

const UNTAGGED_COLOR = '#8a8f98';
const SHORT = 28;

const short = (s: string) => (s.length > SHORT ? `${s.slice(0, SHORT - 1)}…` : s);

/** Shading from faint to strong; never so dark that the count stops being readable. */
const heat = (count: number, max: number) => `${Math.round(10 + (50 * count) / Math.max(1, max))}%`;

/**
 * How the project's tags spread over its documents. Every count is a way into the claim browser:
 * choosing one filters the browser to exactly those claims and closes the matrix.
 */
export function MatrixDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { state } = useWorkspace();
  const { showOnly } = useClaimFilters();
  const [cells, setCells] = useState<MatrixCell[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { attributes } = useAttributes();
  // Columns: the documents (null), or the values of an attribute.
  const [columnsBy, setColumnsBy] = useState<string | null>(null);
  const columnAttr = attributes.find((a) => a.id === columnsBy) ?? null;
  const [byValue, setByValue] = useState<ValueCell[] | null>(null);

  // Counted by the backend; asked again whenever claims, tags or values change under the open dialog.
  useEffect(() => {
    let live = true;
    call('matrix.get', columnAttr ? { byAttribute: columnAttr.id } : {}).then(
      (r) => {
        if (!live) return;
        setCells(r.cells);
        setByValue(r.byValue ?? null);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [state.annotations, state.tags, state.history, columnAttr]);

  const [rollUp, setRollUp] = useState(false);
  const nested = state.tags.some((tag) => tag.parentId !== null);
  const model = useMemo(
    () => (cells ? buildMatrix(cells, state.tags, state.documents, state.annotations, { rollUp: rollUp && nested }) : null),
    [cells, state.tags, state.documents, state.annotations, rollUp, nested],
  );

  const valueModel = useMemo(() => (columnAttr && byValue ? buildValueMatrix(byValue, state.tags, columnAttr) : null), [columnAttr, byValue, state.tags]);

  const show = (target: { tagId?: string; documentId?: string; attribute?: { id: string; value: string } }) => {
    showOnly(target);
    onClose();
  };

  let body;
  if (error) body = <p className="pane-error">{error}</p>;
  else if (!model) body = <p className="muted">{t('matrix.loading')}</p>;
  else if (model.documents.length === 0) body = <p className="muted">{t('matrix.noDocuments')}</p>;
  else if (columnAttr && valueModel) body = <ValueMatrixTable model={valueModel} attr={columnAttr} onShow={show} />;
  else {
    const docName = (i: number) => {
      const d = model.documents[i]!;
      return d.outlet || d.title;
    };
    body = (
      <>
        {nested ? (
          <label className="check">
            <input type="checkbox" checked={rollUp} onChange={(e) => setRollUp(e.target.checked)} />
            {t('codes.rollUp')}
          </label>
        ) : null}
        <div className="matrix-wrap">
          <table className="matrix">
            <caption>{t('matrix.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matrix.tag')}</th>
                {model.documents.map((d) => (
                  <th key={d.id} scope="col" title={d.outlet ? `${d.outlet}: ${d.title}` : d.title}>
                    <span className="matrix-doc">{short(d.outlet || d.title)}</span>
                    <span className="matrix-date">{d.date ?? t('documents.noDate')}</span>
                  </th>
                ))}
                <th scope="col">{t('matrix.total')}</th>
              </tr>
            </thead>
            <tbody>
              {model.rows.map((row) => {
                const tagId = row.tag?.id ?? UNTAGGED;
                const tagName = row.tag ? row.label : t('claims.untagged');
                const color = row.tag?.color ?? UNTAGGED_COLOR;
                return (
                  <tr key={tagId} className={row.tag ? undefined : 'matrix-untagged'}>
                    <th scope="row">
                      <span className="dot" style={{ background: color }} aria-hidden="true" />
                      {tagName}
                    </th>
                    {row.counts.map((count, i) => (
                      <td key={model.documents[i]!.id}>
                        {count > 0 ? (
                          <button
                            type="button"
                            className="matrix-cell"
                            style={{ '--tag': color, '--heat': heat(count, model.max) } as CSSProperties}
                            aria-label={
                              row.tag
                                ? t('matrix.cell', { count, tag: tagName, document: docName(i) })
                                : t('matrix.cellUntagged', { count, document: docName(i) })
                            }
                            onClick={() => show({ tagId, documentId: model.documents[i]!.id })}
                          >
                            {count}
                          </button>
                        ) : null}
                      </td>
                    ))}
                    <td className="matrix-total">
                      {row.total > 0 ? (
                        <button
                          type="button"
                          className="matrix-cell total"
                          aria-label={row.tag ? t('matrix.rowTotal', { count: row.total, tag: tagName }) : t('matrix.rowTotalUntagged', { count: row.total })}
                          onClick={() => show({ tagId })}
                        >
                          {row.total}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('matrix.allClaims')}</th>
                {model.columnTotals.map((count, i) => (
                  <td key={model.documents[i]!.id} className="matrix-total">
                    {count > 0 ? (
                      <button
                        type="button"
                        className="matrix-cell total"
                        aria-label={t('matrix.columnTotal', { count, document: docName(i) })}
                        onClick={() => show({ documentId: model.documents[i]!.id })}
                      >
                        {count}
                      </button>
                    ) : null}
                  </td>
                ))}
                <td className="matrix-total">{model.grandTotal > 0 ? model.grandTotal : null}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="muted small">{t('matrix.note')}</p>
      </>
    );
  }

  return (
    <Dialog title={t('matrix.title')} onClose={onClose} wide>
      <div className="dialog-body matrix-body">
        {attributes.length > 0 ? (
          <label className="matrix-columns">
            <span>{t('matrix.columns')}</span>
            <select value={columnAttr?.id ?? ''} onChange={(e) => setColumnsBy(e.target.value || null)}>
              <option value="">{t('matrix.columnsDocuments')}</option>
              {attributes.map((a) => (
                <option key={a.id} value={a.id}>
                  {attributeName(t, a)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {body}
      </div>
    </Dialog>
  );
}
