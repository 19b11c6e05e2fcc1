import type { RefiCount, RefiPreview } from '../../shared/refi';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';

const ROWS = ['documents', 'claims', 'tags', 'notes', 'links', 'attributes', 'values', 'sets'] as const;

const changes = (r: RefiPreview) => ROWS.some((k) => r[k].new > 0);

/** What importing a REFI-QDA project would add, counted by the backend without writing; nothing happens until Import. */
export function RefiPreviewDialog({ name, result, onConfirm, onCancel }: { name: string; result: RefiPreview | null; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  if (!result) {
    return (
      <Dialog title={t('refi.previewTitle', { name })} onClose={onCancel} wide>
        <div className="dialog-body refi-preview">
          <p role="status">{t('refi.reading', { name })}</p>
          <progress aria-label={t('refi.reading', { name })} />
          <div className="dialog-actions">
            <button type="button" data-autofocus onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }
  const changed = changes(result);
  const row = (k: (typeof ROWS)[number], c: RefiCount) => (
    <tr key={k}>
      <th scope="row">{t(`refi.row.${k}`)}</th>
      <td data-col="new" className={c.new > 0 ? 'nonzero' : undefined}>
        {c.new}
      </td>
      <td data-col="unchanged">{c.unchanged}</td>
    </tr>
  );
  return (
    <Dialog title={t('refi.previewTitle', { name: result.fileName })} onClose={onCancel} wide>
      <div className="dialog-body refi-preview" data-testid="refi-preview">
        <p className="muted">{t('refi.fileProject', { project: result.project || '—', authors: result.authors })}</p>
        {result.positions === 'utf-16' ? <p className="muted small">{t('refi.utf16')}</p> : null}
        {!changed ? <p role="status">{t('refi.nothing')}</p> : null}
        <table className="share-counts refi-counts">
          <caption>{t('refi.countsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('refi.kindHead')}</th>
              <th scope="col">{t('refi.col.new')}</th>
              <th scope="col">{t('refi.col.unchanged')}</th>
            </tr>
          </thead>
          <tbody>{ROWS.map((k) => row(k, result[k]))}</tbody>
        </table>
        {result.skipped.length > 0 ? (
          <details open data-testid="refi-skipped">
            <summary>{t('refi.skipped', { count: result.skipped.length })}</summary>
            <ul className="small">
              {result.skipped.map((s, i) => (
                <li key={`${s.kind}-${i}`}>
                  {t(`refi.kind.${s.kind}`)}
                  {s.name ? <> «{s.name}»</> : null}: {t(`refi.reason.${s.reason}`)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {changed ? <p className="share-not-undoable">{t('refi.notUndoable')}</p> : null}
        <div className="dialog-actions">
          <button type="button" className="primary" data-autofocus onClick={onConfirm} disabled={!changed}>
            {t('refi.confirm')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
