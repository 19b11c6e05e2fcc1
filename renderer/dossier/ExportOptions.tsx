import type { DocumentMeta, DossierSettings, Tag } from '../../shared/contract';
import { EXPORT_FORMATS } from '../../shared/dossier';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/I18n';

export interface ExportOptionsProps {
  settings: DossierSettings;
  set<K extends keyof DossierSettings>(key: K, value: DossierSettings[K]): void;
  tags: readonly Tag[];
  tagIds: ReadonlySet<string>;
  documents: readonly DocumentMeta[];
  sourceIds: ReadonlySet<string>;
  toggle(which: 'tag' | 'source', id: string): void;
  /** Include the claim graph as a figure. */
  graph: boolean;
  setGraph(on: boolean): void;
}

/** What goes into the dossier and in which format: tags, sources, notes, order, headings, format. */
export function ExportOptions({ settings: s, set, tags, tagIds, documents, sourceIds, toggle, graph, setGraph }: ExportOptionsProps) {
  const t = useT();
  return (
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
        <label className="check">
          <input type="checkbox" checked={s.descriptions} onChange={(e) => set('descriptions', e.target.checked)} />
          {t('codes.dossierDescriptions')}
        </label>
        <label className="check">
          <input type="checkbox" checked={graph} onChange={(e) => setGraph(e.target.checked)} />
          {t('dossier.includeGraph')}
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
          {EXPORT_FORMATS.map((f) => (
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
  );
}
