import { useState } from 'react';
import { call, callShell } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';

/** Browser mode has no Save dialog: the file is handed to the browser as a download. */
function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/ld+json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the project's annotation file, optionally with the documents' texts. */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { actions } = useWorkspace();
  const [embedText, setEmbedText] = useState(false);
  const run = async () => {
    onClose();
    const picked = await actions.guard(() => callShell('dialog.exportAnnotations'));
    if (picked === null) return;
    const progress = actions.notify('progress', t('share.exporting'));
    try {
      if (picked === undefined) {
        const file = await actions.guard(() => call('share.export', { embedText }));
        if (!file) return;
        download(file.fileName, file.content);
        actions.notify('info', t('share.exported', { name: file.fileName }));
      } else {
        const written = await actions.guard(() => call('share.exportTo', { path: picked.path, embedText }));
        if (written) actions.notify('info', t('share.exported', { name: written.path }));
      }
    } finally {
      actions.dismiss(progress);
    }
  };
  return (
    <Dialog title={t('share.exportTitle')} onClose={onClose}>
      <div className="dialog-body">
        <p>{t('share.exportLead')}</p>
        <label className="check">
          <input type="checkbox" checked={embedText} onChange={(e) => setEmbedText(e.target.checked)} />
          {t('share.embed')}
        </label>
        <div className="dialog-actions">
          <button type="button" className="primary" data-autofocus onClick={() => void run()}>
            {t('share.exportButton')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
