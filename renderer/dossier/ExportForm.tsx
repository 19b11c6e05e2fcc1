import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentMeta, DossierSettings, Tag } from '../../shared/contract';
import { suggestFileName, type DossierOptionsInput } from '../../shared/dossier';
import { call, getTransport } from '../api/client';
import type { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { MemoChoice } from '../memos/MemoChoice';
import { ExportOptions } from './ExportOptions';
import { SummaryEditor } from './SummaryEditor';
import { useExportDossier } from './useExportDossier';

type Preview = { claims: number; sources: number; links: number; groups: number };

interface ExportFormProps {
  initial: DossierSettings;
  tags: readonly Tag[];
  documents: readonly DocumentMeta[];
  readOnly: boolean;
  onClose(): void;
  notify: ReturnType<typeof useWorkspace>['actions']['notify'];
}

/**
 * The export dialog's content: the cover (title, analyst, summary, file name), the options, the
 * counts they give, and the export itself with its progress and any error.
 */
export function ExportForm({ initial, tags, documents, readOnly, onClose, notify }: ExportFormProps) {
  const t = useT();
  const exportDossier = useExportDossier();
  const flushSummary = useRef<(() => Promise<void>) | null>(null);
  const [s, setS] = useState(initial);
  const [tagIds, setTagIds] = useState<ReadonlySet<string>>(() => new Set(tags.map((x) => x.id)));
  const [sourceIds, setSourceIds] = useState<ReadonlySet<string>>(() => new Set(documents.map((d) => d.id)));
  const [memoRefs, setMemoRefs] = useState<ReadonlySet<string>>(() => new Set());
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [graph, setGraph] = useState(false);
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
      descriptions: s.descriptions,
      order: s.order,
      language: s.language,
      bom: s.bom,
      memos: [...memoRefs],
      graph,
      ...(tagIds.size < tags.length ? { tagIds: tags.filter((x) => tagIds.has(x.id)).map((x) => x.id) } : {}),
      ...(sourceIds.size < documents.length ? { sourceIds: documents.filter((d) => sourceIds.has(d.id)).map((d) => d.id) } : {}),
    }),
    [s, tagIds, sourceIds, tags, documents, memoRefs, graph],
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
            <span>{t('export.summary')}</span>
            <SummaryEditor flushRef={flushSummary} readOnly={readOnly} onError={onSummaryError} />
            <span className="small muted">{t('export.summaryHint')}</span>
          </div>
          <MemoChoice chosen={memoRefs} onChange={setMemoRefs} />
          {browserMode ? (
            <label className="field">
              <span>{t('export.fileName')}</span>
              <input value={name} maxLength={255} onChange={(e) => setFileName(e.target.value)} />
            </label>
          ) : null}
        </div>
        <ExportOptions settings={s} set={set} tags={tags} tagIds={tagIds} documents={documents} sourceIds={sourceIds} toggle={toggle} graph={graph} setGraph={setGraph} />
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
