import type { SharePreview } from '../../shared/share';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { CountsTable } from './CountsTable';
import type { ShareState } from './ShareContext';

const OTHER_ROWS = ['notes', 'tags', 'relations', 'documents', 'summary'] as const;
const RECORDED_KINDS = ['annotation', 'note', 'link', 'tag', 'relation', 'document', 'summary', 'attribute', 'attribute_value',
  'hypothesis_analysis', 'hypothesis', 'hypothesis_row', 'hypothesis_rating', 'cluster_title'] as const;

/** The preview while its job searches: how far it got, and Cancel. */
function Searching({ name, progress, onCancel }: { name: string; progress: { done: number; total: number }; onCancel(): void }) {
  const t = useT();
  return (
    <div className="dialog-body share-preview">
      <p role="status">{t('share.reading', { name })}</p>
      {progress.total > 0 ? (
        <>
          <progress max={progress.total} value={progress.done} aria-label={t('share.searching', { done: progress.done, total: progress.total })} />
          <p className="muted small">{t('share.searching', { done: progress.done, total: progress.total })}</p>
        </>
      ) : (
        <progress aria-label={t('share.reading', { name })} />
      )}
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Every conflict the import will record, by kind, as the Orphans and conflicts list will show them. */
function Recorded({ recorded }: { recorded: SharePreview['recorded'] }) {
  const t = useT();
  const kinds = RECORDED_KINDS.filter((k) => (recorded[k] ?? 0) > 0);
  const total = kinds.reduce((sum, k) => sum + (recorded[k] ?? 0), 0);
  return (
    <div className="share-recorded" data-testid="share-recorded">
      <p>{t('share.recorded', { count: total })}</p>
      {kinds.length > 0 ? (
        <ul className="small">
          {kinds.map((k) => (
            <li key={k}>{t('share.recordedKind', { kind: t(`share.conflictKind.${k}`), count: recorded[k] ?? 0 })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What an import would do, counted by the backend without writing; nothing happens until Import. */
export function ImportPreviewDialog({ preview, onConfirm, onCancel }: { preview: NonNullable<ShareState['preview']>; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  const name = 'file' in preview.source ? preview.source.file.name : (preview.source.path.split(/[\\/]/).pop() ?? '');
  const result = preview.result;
  if (!result) {
    return (
      <Dialog title={t('share.previewTitle', { name })} onClose={onCancel} wide>
        <Searching name={name} progress={preview.progress ?? { done: 0, total: 0 }} onCancel={onCancel} />
      </Dialog>
    );
  }
  const busy = (c: SharePreview['claims']) => c.new + c.updated + c.conflicts + c.deleted + c.orphans > 0;
  const other = OTHER_ROWS.filter((k) => busy(result.other[k]));
  return (
    <Dialog title={t('share.previewTitle', { name: result.fileName })} onClose={onCancel} wide>
      <div className="dialog-body share-preview">
        <p className="muted">{t(`share.kind.${result.kind}`)}</p>
        {!result.changed ? <p role="status">{t('share.nothing')}</p> : null}
        <CountsTable
          caption={result.fileName}
          head=""
          rows={[
            { label: t('share.claimsRow'), counts: result.claims },
            { label: t('share.linksRow'), counts: result.links },
          ]}
        />
        {other.length > 0 ? (
          <CountsTable caption={t('share.otherCaption')} head={t('share.kindHead')} rows={other.map((k) => ({ label: t(`share.row.${k}`), counts: result.other[k] }))} />
        ) : null}
        <Recorded recorded={result.recorded} />
        {result.byDocument.length > 0 ? (
          <CountsTable caption={t('share.byDocument')} head={t('share.document')} rows={result.byDocument.map((d) => ({ label: d.title, counts: d.counts }))} />
        ) : null}
        {result.byAuthor.length > 0 ? (
          <CountsTable caption={t('share.byAuthor')} head={t('share.author')} rows={result.byAuthor.map((a) => ({ label: a.author, counts: a.counts }))} />
        ) : null}
        {result.documentsCreated + result.tagsCreated > 0 ? <p>{t('share.created', { docs: result.documentsCreated, tags: result.tagsCreated })}</p> : null}
        {result.claims.orphans > 0 ? <p className="muted small">{t('share.orphanNote')}</p> : null}
        {result.anchorLimited > 0 ? <p className="muted small">{t('share.anchorLimited', { count: result.anchorLimited })}</p> : null}
        {result.skippedTotal > 0 ? (
          <details>
            <summary>{t('share.skipped', { count: result.skippedTotal })}</summary>
            <ul className="small">
              {result.skipped.map((s) => (
                <li key={s.path}>
                  <code>{s.path}</code>: {s.reason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {result.changed ? <p className="share-not-undoable">{t('share.notUndoable')}</p> : null}
        <div className="dialog-actions">
          <button type="button" className="primary" data-autofocus onClick={onConfirm} disabled={!result.changed}>
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
