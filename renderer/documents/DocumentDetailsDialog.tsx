import { useState } from 'react';
import type { DocumentMeta } from '../../shared/contract';
import { useWorkspace } from '../app/workspace';
import { DetailsValues } from '../attributes/DetailsValues';
import { useT } from '../i18n/I18n';
import { useHistory } from '../history/useHistory';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';

export function DocumentDetailsDialog({ doc, claimCount, onClose }: { doc: DocumentMeta; claimCount: number; onClose(): void }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const history = useHistory();
  const [confirming, setConfirming] = useState(false);
  const [form, setForm] = useState({
    title: doc.title,
    outlet: doc.outlet,
    author: doc.author,
    date: doc.date ?? '',
    language: doc.language,
  });
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} required={key === 'title'} />
    </label>
  );
  if (confirming) {
    // Deleting a document is an undo step: the question says so, and the toast offers Undo.
    return (
      <ConfirmDialog
        title={t('documents.deleteTitle')}
        confirmLabel={t('common.delete')}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          onClose();
          const done = await actions.deleteDocument(doc.id);
          if (done) await history.offerUndo(t('documents.deleted', { title: doc.title }), done.step);
        }}
      >
        <p>{t('documents.deleteConfirm', { title: doc.title, count: claimCount })}</p>
        <p className="muted small">{t('documents.deleteUndoable')}</p>
      </ConfirmDialog>
    );
  }
  return (
    <Dialog title={t('documents.details')} onClose={onClose}>
      <form
        className="dialog-body"
        onSubmit={async (e) => {
          e.preventDefault();
          const saved = await actions.updateDocument(doc.id, { ...form, date: form.date || null });
          if (saved) onClose();
        }}
      >
        {field('title', t('documents.field.title'))}
        {field('outlet', t('documents.field.outlet'))}
        {field('author', t('documents.field.author'))}
        {field('date', t('documents.field.date'), 'date')}
        {field('language', t('documents.field.language'))}
        <DetailsValues documentId={doc.id} name={doc.outlet || doc.title} readOnly={state.project?.readOnly ?? true} />
        <p className="muted small">{t('documents.info', { count: doc.length, chars: doc.length.toLocaleString(), file: doc.sourceName })}</p>
        <div className="dialog-actions">
          <button
            type="button"
            className="danger"
            onClick={() => setConfirming(true)}
          >
            {t('common.delete')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
