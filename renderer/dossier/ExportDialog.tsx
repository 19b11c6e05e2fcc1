import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DossierSettings } from '../../shared/contract';
import { EXPORT_FORMATS, suggestFileName, type DossierOptionsInput, type ExportFormat } from '../../shared/dossier';
import { call, getTransport } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import type { MessageKey } from '../i18n/en';
import { Dialog } from '../ui/Dialog';
import { SummaryEditor } from './SummaryEditor';
import { useExportDossier } from './useExportDossier';

type Preview = { claims: number; sources: number; links: number; groups: number };

/**
 * "Export dossier…": the cover (title, analyst, the rich-text summary), what goes in (tags,
 * sources, notes, order, heading language) and the format. The last choices are offered again.
 */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const [settings, setSettings] = useState<DossierSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    call('dossier.settings.get', {}).then(
      (s) => alive && setSettings(s),
      (e: Error) => alive && setError(e.message),
    );
    return () => {
      alive = false;
    };
  }, []);
  return (
    <Dialog title={t('export.title')} onClose={onClose} wide>
      {settings ? (
        <ExportForm initial={settings} tags={state.tags} documents={state.documents} readOnly={state.project?.readOnly ?? true} onClose={onClose} notify={actions.notify} />
      ) : (
        <div className="dialog-body">{error ? <p className="pane-error">{error}</p> : <p className="muted">{t('app.loading')}</p>}</div>
      )}
    </Dialog>
  );
}

type Workspace = ReturnType<typeof useWorkspace>;

function ExportForm({
  initial,
  tags,
  documents,
  readOnly,
  onClose,
  notify,
}: {
  initial: DossierSettings;
  tags: Workspace['state']['tags'];
  documents: Workspace['state']['documents'];
  readOnly: boolean;
  onClose(): void;
  notify: Workspace['actions']['notify'];
}) {
  const t = useT();
  const exportDossier = useExportDossier();
  const flushSummary = useRef<(() => Promise<void>) | null>(null);
  const [s, setS] = useState(initial);
  const [tagIds, setTagIds] = useState(() => new Set(tags.map((x) => x.id)));
  const [sourceIds, setSourceIds] = useState(() => new Set(documents.map((d) => d.id)));
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onSummaryError = useCallback((m: string) => setError(m), []);
  const browserMode = getTransport().kind === 'http';
  // The form appears after the dialog has opened (once the last choices are loaded), so it takes focus itself.
  const titleInput = useRef<HTMLInputElement>(null);
  useEffect(() => titleInput.current?.focus(), []);

  const options = useMemo<DossierOptionsInput>(
    () => ({
      title: s.title,
      analyst: s.analyst,
      notes: s.notes,
      untagged: s.untagged,
      order: s.order,
      language: s.language,
      bom: s.bom,
      ...(tagIds.size < tags.length ? { tagIds: tags.filter((x) => tagIds.has(x.id)).map((x) => x.id) } : {}),
      ...(sourceIds.size < documents.length ? { sourceIds: documents.filter((d) => sourceIds.has(d.id)).map((d) => d.id) } : {}),
    }),
    [s, tagIds, sourceIds, tags, documents],
  );
  const empty = (tagIds.size === 0 && !s.untagged) || sourceIds.size === 0;

  useEffect(() => {
    if (empty) return;
    let alive = true;
    const timer = setTimeout(() => {
      call('export.preview', { options }).then(
        (p) => alive && setPreview(p),
        (e: Error) => alive && setError(e.message),
      );
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [options, empty]);

  const set = <K extends keyof DossierSettings>(key: K, value: DossierSettings[K]) => setS((prev) => ({ ...prev, [key]: value }));
  const toggle = (which: 'tag' | 'source', id: string) =>
    (which === 'tag' ? setTagIds : setSourceIds)((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const name = fileName ?? suggestFileName(s.title, s.format);

  const submit = async () => {
    if (empty || busy) return;
    setBusy(true);
    setError(null);
    try {
      await flushSummary.current?.();
      const outcome = await exportDossier(s.format, options, name);
      if (outcome.kind === 'cancelled') return;
      notify('info', t(outcome.kind === 'saved' ? 'export.saved' : 'export.downloaded', { name: outcome.name }));
      onClose();
    } catch (err) {
      setError(t('export.failed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="dialog-body export-form"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="export-columns">
        <div className="export-cover">
          <label className="field">
            <span>{t('export.dossierTitle')}</span>
            <input ref={titleInput} value={s.title} maxLength={300} onChange={(e) => set('title', e.target.value)} />
          </label>
          <label className="field">
            <span>{t('export.analyst')}</span>
            <input value={s.analyst} maxLength={200} onChange={(e) => set('analyst', e.target.value)} />
          </label>
          <div className="field">
            <span id="export-summary-label">{t('export.summary')}</span>
            <SummaryEditor flushRef={flushSummary} readOnly={readOnly} onError={onSummaryError} />
            <span className="small muted">{t('export.summaryHint')}</span>
          </div>
          {browserMode ? (
            <label className="field">
              <span>{t('export.fileName')}</span>
              <input value={name} maxLength={255} onChange={(e) => setFileName(e.target.value)} />
            </label>
          ) : null}
        </div>
        <div className="export-options">
          <fieldset>
            <legend>{t('export.tags')}</legend>
            {tags.map((tag) => (
              <label key={tag.id} className="check">
                <input type="checkbox" checked={tagIds.has(tag.id)} onChange={() => toggle('tag', tag.id)} />
                <span className="swatch" style={{ background: tag.color }} aria-hidden="true" />
                {tag.name}
              </label>
            ))}
            <label className="check">
              <input type="checkbox" checked={s.untagged} onChange={(e) => set('untagged', e.target.checked)} />
              {t('export.untagged')}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('export.sources')}</legend>
            {documents.map((d) => (
              <label key={d.id} className="check">
                <input type="checkbox" checked={sourceIds.has(d.id)} onChange={() => toggle('source', d.id)} />
                <span className="export-source">
                  {d.outlet || d.title} <span className="muted small">{d.date ?? t('export.noDate')}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('export.content')}</legend>
            <label className="check">
              <input type="checkbox" checked={s.notes} onChange={(e) => set('notes', e.target.checked)} />
              {t('export.notes')}
            </label>
            <div className="export-pair">
            <label className="field">
              <span>{t('export.order')}</span>
              <select value={s.order} onChange={(e) => set('order', e.target.value as DossierSettings['order'])}>
                <option value="date">{t('export.orderDate')}</option>
                <option value="document">{t('export.orderDocument')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('export.language')}</span>
              <select value={s.language} onChange={(e) => set('language', e.target.value as DossierSettings['language'])}>
                <option value="en">English</option>
                <option value="ru">Русский</option>
              </select>
            </label>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('export.format')}</legend>
            <div className="export-formats">
            {EXPORT_FORMATS.map((f: ExportFormat) => (
              <label key={f} className="check">
                <input type="radio" name="export-format" value={f} checked={s.format === f} onChange={() => set('format', f)} />
                {t(`export.format.${f}` as MessageKey)}
              </label>
            ))}
            </div>
            {s.format === 'csv' ? (
              <label className="check">
                <input type="checkbox" checked={s.bom} onChange={(e) => set('bom', e.target.checked)} />
                {t('export.bom')}
              </label>
            ) : null}
          </fieldset>
        </div>
      </div>
      <footer className="export-footer">
      <p className="muted small" aria-live="polite">
        {empty ? t('export.empty') : preview ? t('export.preview', preview) : '\u00a0'}
      </p>
      {error ? (
        <p className="pane-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        {busy ? (
          <span className="export-progress" role="status">
            <span className="spinner" aria-hidden="true" /> {t('export.building')}
          </span>
        ) : null}
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy || empty}>
          {t('export.export')}
        </button>
      </div>
      </footer>
    </form>
  );
}
