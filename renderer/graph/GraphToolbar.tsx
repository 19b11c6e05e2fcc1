import { useWorkspace } from '../app/workspace';
import { useAttributes } from '../attributes/AttributesContext';
import { attributeName } from '../attributes/attributeLabels';
import { useT } from '../i18n/I18n';
import { relationNames } from '../links/relationLabel';
import { useGraph, type Reach } from './store';

const REACHES: readonly Reach[] = [1, 2, 'all'];

interface Props {
  onExport(format: 'svg' | 'png'): void;
}

/** The Graph view's controls: grouping, reach, filters, search, list, layout and export. */
export function GraphToolbar({ onExport }: Props) {
  const t = useT();
  const { state } = useWorkspace();
  const { attributes } = useAttributes();
  const g = useGraph();
  const authors = [...new Set(state.annotations.map((a) => a.author))].sort();
  const pick = (v: string) => (v === '' ? null : v);
  return (
    <div className="graph-toolbar">
      <div className="graph-row">
        <label>
          <span className="graph-label">{t('graph.groupBy')}</span>
          <select value={g.arrangement} onChange={(e) => g.setArrangement(e.target.value as typeof g.arrangement)}>
            <option value="document">{t('graph.byDocument')}</option>
            <option value="cluster">{t('graph.byCluster')}</option>
            {attributes.map((a) => (
              <option key={a.id} value={`attribute:${a.id}`}>
                {attributeName(t, a)}
              </option>
            ))}
          </select>
        </label>
        <select aria-label={t('graph.reach')} title={t('graph.reach')} value={String(g.reach)} onChange={(e) => g.setReach(REACHES.find((r) => String(r) === e.target.value) ?? 1)}>
          {REACHES.map((r) => (
            <option key={r} value={String(r)}>
              {r === 'all' ? t('graph.reachAll') : t('graph.hops', { count: r })}
            </option>
          ))}
        </select>
        <input type="search" className="graph-search" placeholder={t('graph.search')} aria-label={t('graph.search')} value={g.search} onChange={(e) => g.setSearch(e.target.value)} />
      </div>
      <div className="graph-row">
        <label>
          <input type="checkbox" checked={g.filters.contradictionsOnly} onChange={(e) => g.setFilters({ contradictionsOnly: e.target.checked })} />
          {t('graph.contradictionsOnly')}
        </label>
        <select aria-label={t('graph.filterRelation')} value={g.filters.relationId ?? ''} onChange={(e) => g.setFilters({ relationId: pick(e.target.value) })}>
          <option value="">{t('graph.allRelations')}</option>
          {state.relations.map((r) => (
            <option key={r.id} value={r.id}>
              {relationNames(r, t).name}
            </option>
          ))}
        </select>
        <select aria-label={t('graph.filterTag')} value={g.filters.tagId ?? ''} onChange={(e) => g.setFilters({ tagId: pick(e.target.value) })}>
          <option value="">{t('graph.allTags')}</option>
          {state.tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
        <select aria-label={t('graph.filterDocument')} value={g.filters.documentId ?? ''} onChange={(e) => g.setFilters({ documentId: pick(e.target.value) })}>
          <option value="">{t('graph.allDocuments')}</option>
          {state.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
        <select aria-label={t('graph.filterAuthor')} value={g.filters.author === null ? '' : `=${g.filters.author}`} onChange={(e) => g.setFilters({ author: e.target.value === '' ? null : e.target.value.slice(1) })}>
          <option value="">{t('graph.allAuthors')}</option>
          {authors.map((a) => (
            // Prefixed so an empty author name stays a choice of its own, not "all".
            <option key={a} value={`=${a}`}>
              {a || t('graph.noAuthor')}
            </option>
          ))}
        </select>
      </div>
      <div className="graph-row">
        <label>
          <input type="checkbox" checked={g.asList} onChange={(e) => g.setAsList(e.target.checked)} />
          {t('graph.asList')}
        </label>
        <span className="graph-actions">
          <button type="button" onClick={() => void g.resetLayout()}>
            {t('graph.resetLayout')}
          </button>
          {/* The exports draw the canvas, which the list replaces. */}
          <button type="button" disabled={g.asList} onClick={() => onExport('svg')}>
            {t('graph.exportSvg')}
          </button>
          <button type="button" disabled={g.asList} onClick={() => onExport('png')}>
            {t('graph.exportPng')}
          </button>
        </span>
      </div>
    </div>
  );
}
