import { useState } from 'react';
import type { DocumentMeta } from '../../shared/contract';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';

export function DocumentDetailsDialog({ doc, claimCount, onClose }: { doc: DocumentMeta; claimCount: number; onClose(): void }) {
  const t = useT();
  const { actions } = useWorkspace();
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
        <p className="muted small">{t('documents.info', { count: doc.length, chars: doc.length.toLocaleString(), file: doc.sourceName })}</p>
        <div className="dialog-actions">
          <button
            type="button"
            className="danger"
            onClick={async () => {
              if (window.confirm(t('documents.deleteConfirm', { title: doc.title, count: claimCount }))) {
                await actions.deleteDocument(doc.id);
                onClose();
              }
            }}
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
