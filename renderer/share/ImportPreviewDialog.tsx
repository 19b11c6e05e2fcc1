import type { SharePreview } from '../../shared/share';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { CountsTable } from './CountsTable';

/** What an import would do, counted by the backend without writing; nothing happens until Import. */
export function ImportPreviewDialog({ preview, onConfirm, onCancel }: { preview: SharePreview; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  return (
    <Dialog title={t('share.previewTitle', { name: preview.fileName })} onClose={onCancel} wide>
      <div className="dialog-body share-preview">
        <p className="muted">{t(`share.kind.${preview.kind}`)}</p>
        {!preview.changed ? <p role="status">{t('share.nothing')}</p> : null}
        <CountsTable
          caption={preview.fileName}
          head=""
          rows={[
            { label: t('share.claimsRow'), counts: preview.claims },
            { label: t('share.linksRow'), counts: preview.links },
          ]}
        />
        <CountsTable caption={t('share.byDocument')} head={t('share.document')} rows={preview.byDocument.map((d) => ({ label: d.title, counts: d.counts }))} />
        <CountsTable caption={t('share.byAuthor')} head={t('share.author')} rows={preview.byAuthor.map((a) => ({ label: a.author, counts: a.counts }))} />
        {preview.documentsCreated + preview.tagsCreated > 0 ? <p>{t('share.created', { docs: preview.documentsCreated, tags: preview.tagsCreated })}</p> : null}
        {preview.claims.orphans > 0 ? <p className="muted small">{t('share.orphanNote')}</p> : null}
        {preview.skippedTotal > 0 ? (
          <details>
            <summary>{t('share.skipped', { count: preview.skippedTotal })}</summary>
            <ul className="small">
              {preview.skipped.map((s) => (
                <li key={s.path}>
                  <code>{s.path}</code>: {s.reason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="primary" data-autofocus onClick={onConfirm} disabled={!preview.changed}>
            {t('share.confirm')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
