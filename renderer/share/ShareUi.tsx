import { useT } from '../i18n/I18n';
import { ExportDialog } from './ExportDialog';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import { ReattachBanner } from './ReattachBanner';
import { ReviewDialog } from './ReviewDialog';
import { useShare } from './ShareContext';
import { useShareImport } from './useShareImport';

/** The sharing feature's dialogs, banner, file input and the topbar's orphans/conflicts button. */
export function ShareUi() {
  const t = useT();
  const share = useShare();
  const input = share.fileInput;
  const flow = useShareImport(() => input.current);
  const { dialog, preview, orphans, conflicts } = share.state;
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        hidden
        data-testid="share-import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void flow.fromFile(file);
        }}
      />
      {orphans.length + conflicts.length > 0 ? (
        <button type="button" className="share-review-button" onClick={() => share.actions.open('review')}>
          {t('share.reviewBadge', { orphans: orphans.length, conflicts: conflicts.length })}
        </button>
      ) : null}
      {dialog === 'export' ? <ExportDialog onClose={() => share.actions.open(null)} /> : null}
      {dialog === 'review' ? <ReviewDialog onClose={() => share.actions.open(null)} /> : null}
      {preview ? <ImportPreviewDialog preview={preview} onConfirm={() => void flow.confirm()} onCancel={flow.close} /> : null}
      <ReattachBanner />
    </>
  );
}
