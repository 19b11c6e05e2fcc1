import { useEffect, useState, type ClipboardEvent } from 'react';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';

interface Pasted {
  text: string;
  /** The clipboard's HTML, read through the HTML importer; dropped once the user edits the text. */
  html: string;
}

/** The first line of the text, as a title to start from. */
const firstLine = (text: string): string => (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 120);

/** Reads the clipboard where the page may (the desktop app, a browser that allows it); otherwise the user pastes into the box. */
async function readClipboard(): Promise<Pasted | null> {
  try {
    const items = await navigator.clipboard.read();
    let text = '';
    let html = '';
    for (const item of items) {
      if (item.types.includes('text/html')) html = await (await item.getType('text/html')).text();
      if (item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text();
    }
    return text || html ? { text, html } : null;
  } catch {
    return null;
  }
}

/** Paste as new document: the clipboard's text (or HTML) becomes a document with the title, outlet and date given here. */
export function PasteDocumentDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { actions } = useWorkspace();
  const [pasted, setPasted] = useState<Pasted>({ text: '', html: '' });
  const [form, setForm] = useState({ title: '', outlet: '', date: '' });
  const [busy, setBusy] = useState(false);

  const take = (next: Pasted) => {
    setPasted(next);
    setForm((f) => (f.title ? f : { ...f, title: firstLine(next.text) }));
  };

  useEffect(() => {
    let alive = true;
    void readClipboard().then((p) => alive && p && take(p));
    return () => {
      alive = false;
    };
  }, []);

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    e.preventDefault();
    take({ text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') });
  };

  return (
    <Dialog title={t('paste.title')} onClose={onClose} wide>
      <form
        className="dialog-body"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const doc = await actions.guard(() =>
            call('documents.paste', { text: pasted.text, html: pasted.html, title: form.title, outlet: form.outlet, date: form.date || null }),
          );
          setBusy(false);
          if (!doc) return;
          onClose();
          await actions.reloadDocuments();
          actions.openDocument(doc.id);
          actions.notify('info', t('paste.done', { title: doc.title }));
        }}
      >
        <label className="field">
          <span>{t('paste.text')}</span>
          <textarea
            className="paste-box"
            data-autofocus
            rows={8}
            value={pasted.text}
            placeholder={t('paste.placeholder')}
            onPaste={onPaste}
            onChange={(e) => take({ text: e.target.value, html: '' })}
          />
        </label>
        <p className="muted small">
          {pasted.html ? t('paste.fromHtml') : null} {t('paste.count', { count: pasted.text.length })}
        </p>
        <label className="field">
          <span>{t('documents.field.title')}</span>
          <input value={form.title} required onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('documents.field.outlet')}</span>
          <input value={form.outlet} onChange={(e) => setForm({ ...form, outlet: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('documents.field.date')}</span>
          <input type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </label>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !/\S/.test(pasted.text + pasted.html)}>
            {t('paste.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
