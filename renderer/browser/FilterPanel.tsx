import { useId, useMemo, type CSSProperties } from 'react';
import { tagTree } from '../../shared/tag-tree';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { UNTAGGED, useClaimFilters, type LinkFilter, type TagMode } from './filters';
import { AttributeFilters } from '../attributes/AttributeFilters';

function toggle(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

/** The browser's detailed filters: tags (any/all), documents, author, links. */
export function FilterPanel({ id }: { id: string }) {
  const t = useT();
  const { state } = useWorkspace();
  const { filters, setFilters } = useClaimFilters();
  const name = useId();
  const authors = useMemo(() => [...new Set(state.annotations.map((a) => a.author))].filter(Boolean).sort((a, b) => a.localeCompare(b)), [state.annotations]);
  // A chosen author whose last claim was just deleted stays choosable, so the select never lies.
  const authorChoices = filters.author !== null && !authors.includes(filters.author) ? [filters.author, ...authors] : authors;
  const tagChoices = useMemo(() => tagTree(state.tags), [state.tags]);
  const includesSubtags = tagChoices.some((r) => r.descendants.length > 0 && filters.tagIds.includes(r.tag.id));

  return (
    <div className="browser-filters" id={id}>
      <fieldset className="browser-fieldset">
        <legend>{t('browser.tags')}</legend>
        <div className="browser-tag-toggles">
          {tagChoices.map(({ tag, path }) => (
            <button
              key={tag.id}
              type="button"
              className="browser-tag"
              title={path}
              style={{ '--tag': tag.color } as CSSProperties}
              aria-pressed={filters.tagIds.includes(tag.id)}
              onClick={() => setFilters((f) => ({ ...f, tagIds: toggle(f.tagIds, tag.id) }))}
            >
              {tag.name}
            </button>
          ))}
          <button
            type="button"
            className="browser-tag untagged"
            aria-pressed={filters.tagIds.includes(UNTAGGED)}
            onClick={() => setFilters((f) => ({ ...f, tagIds: toggle(f.tagIds, UNTAGGED) }))}
          >
            {t('claims.untagged')}
          </button>
        </div>
        {includesSubtags ? <p className="muted small">{t('codes.filterIncludes')}</p> : null}
        <div className="browser-mode" role="radiogroup" aria-label={t('browser.tagMode')}>
          {(['any', 'all'] as TagMode[]).map((mode) => (
            <label key={mode}>
              <input type="radio" name={`${name}-mode`} checked={filters.tagMode === mode} onChange={() => setFilters((f) => ({ ...f, tagMode: mode }))} />
              {t(mode === 'any' ? 'browser.tagMode.any' : 'browser.tagMode.all')}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="browser-fieldset">
        <legend>{t('browser.documents')}</legend>
        <div className="browser-docs">
          {state.documents.map((d) => (
            <label key={d.id} title={d.title}>
              <input
                type="checkbox"
                checked={filters.documentIds.includes(d.id)}
                onChange={() => setFilters((f) => ({ ...f, documentIds: toggle(f.documentIds, d.id) }))}
              />
              <span>{d.outlet || d.title}</span>
              {d.date ? <span className="muted">{d.date}</span> : null}
            </label>
          ))}
        </div>
      </fieldset>

      <AttributeFilters />

      <label className="field">
        <span>{t('browser.author')}</span>
        <select value={filters.author ?? ''} onChange={(e) => setFilters((f) => ({ ...f, author: e.target.value === '' ? null : e.target.value }))}>
          <option value="">{t('browser.anyAuthor')}</option>
          {authorChoices.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>

      <label className="field">
        <span>{t('browser.linksFilter')}</span>
        <select value={filters.links} onChange={(e) => setFilters((f) => ({ ...f, links: e.target.value as LinkFilter }))}>
          <option value="all">{t('browser.links.all')}</option>
          <option value="linked">{t('browser.links.linked')}</option>
          <option value="unlinked">{t('browser.links.unlinked')}</option>
        </select>
      </label>
    </div>
  );
}
