import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useRevealClaim } from '../annotations/useRevealClaim';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { ClaimRowView, ROW_HEIGHT } from './ClaimRowView';
import { FilterPanel } from './FilterPanel';
import { activeFilterCount, useClaimFilters, type ClaimSort } from './filters';
import { useFilterSummary } from './useFilterSummary';
import { useClaimRows } from './useClaimRows';
import { VirtualList, type VirtualListHandle } from './VirtualList';
import { useClusterStore } from '../clusters/store';
import type { GroupedRow } from '../clusters/groupRows';
import { GroupedRowView } from '../clusters/GroupedRowView';
import { useGroupedRows } from '../clusters/useGroupedRows';
import { AddClaimsToMatrix } from '../hypotheses/AddClaimsToMatrix';
import { useBrowserSelection } from './selection';

const rowKey = (item: GroupedRow) => item.key;
const claimKey = (item: GroupedRow) => (item.kind === 'claim' ? item.key : null);
const SORTS: ClaimSort[] = ['document', 'date', 'tag'];

/**
 * Every claim of the project, filtered and sorted, in a virtualised list. Activating a row opens
 * its document, scrolls to the claim and selects it. Each new `focusKey` (the "Claim Browser"
 * command) puts the caret in its search box. Ctrl/Cmd+click, Shift+click and Shift+arrows pick rows
 * for the bulk action (selection.ts); Escape drops the pick.
 */
export function ClaimBrowser({ focusKey = 0 }: { focusKey?: number }) {
  const t = useT();
  const { state } = useWorkspace();
  const { filters, setFilters, clearFilters, sort, setSort } = useClaimFilters();
  const { rows, total, appliedKey } = useClaimRows();
  const reveal = useRevealClaim();
  const [panelOpen, setPanelOpen] = useState(false);
  const panelId = useId();
  const list = useRef<VirtualListHandle>(null);
  const search = useRef<HTMLInputElement>(null);
  const active = activeFilterCount(filters);
  const summary = useFilterSummary(filters);
  const items = useGroupedRows(rows);
  const grouped = useClusterStore((s) => s.groupByCluster);
  const setGrouped = useClusterStore((s) => s.setGroupByCluster);
  const shownIds = useMemo(() => rows.map((r) => r.annotation.id), [rows]);
  // Ranges run in the order the rows are drawn, which grouping by cluster changes.
  const order = useMemo(() => items.flatMap((i) => (i.kind === 'claim' ? [i.key] : [])), [items]);
  const picked = useBrowserSelection((s) => s.selected);
  const pickedIds = useMemo(() => order.filter((id) => picked.has(id)), [order, picked]);

  useEffect(() => {
    useBrowserSelection.getState().keepOnly(new Set(shownIds));
  }, [shownIds]);

  const onRowClick = (e: MouseEvent, id: string) => {
    const selection = useBrowserSelection.getState();
    if (e.shiftKey) return selection.extendTo(id, order);
    if (e.ctrlKey || e.metaKey) return selection.toggle(id);
    selection.setAnchor(id);
    reveal(id);
  };

  useEffect(() => {
    if (focusKey > 0) search.current?.focus();
  }, [focusKey]);

  return (
    <section className="sidebar-section claim-browser" role="region" aria-label={t('claims.title')}>
      <h2>{t('claims.title')}</h2>
      <input
        ref={search}
        type="search"
        className="browser-search"
        aria-label={t('browser.search')}
        placeholder={t('browser.searchPlaceholder')}
        value={filters.text}
        onChange={(e) => {
          const text = e.target.value;
          setFilters((f) => ({ ...f, text }));
        }}
        onKeyDown={(e) => {
          // From the search box straight into the results, as in any search field with a list.
          if (e.key !== 'ArrowDown') return;
          // The first result, wherever the list happens to be scrolled (to the selected claim, say).
          if (list.current?.focusAt(0)) e.preventDefault();
        }}
      />
      <div className="browser-bar">
        <label className="browser-sort">
          <span>{t('browser.sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as ClaimSort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`browser.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-expanded={panelOpen} aria-controls={panelId} onClick={() => setPanelOpen((o) => !o)}>
          {active > 0 ? t('browser.filtersActive', { count: active }) : t('browser.filters')}
        </button>
      </div>
      <label className="browser-group">
        <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
        {t('clusters.groupBy')}
      </label>
      {panelOpen ? <FilterPanel id={panelId} /> : null}
      <div className="browser-status">
        <span role="status">{t('browser.count', { shown: rows.length, total })}</span>
        <button type="button" onClick={clearFilters} disabled={active === 0}>
          {t('browser.clear')}
        </button>
      </div>
      {pickedIds.length > 0 ? (
        <div className="browser-picked">
          <span aria-live="polite">{t('browser.picked', { count: pickedIds.length })}</span>
          <button type="button" onClick={() => useBrowserSelection.getState().clear()}>
            {t('browser.clearPicked')}
          </button>
        </div>
      ) : null}
      <AddClaimsToMatrix claimIds={pickedIds.length > 0 ? pickedIds : shownIds} picked={pickedIds.length > 0} />
      {summary ? <p className="browser-summary">{summary}</p> : null}
      {total === 0 ? <p className="muted small">{t('claims.empty')}</p> : rows.length === 0 ? <p className="muted small">{t('browser.noMatch')}</p> : null}
      <div
        className="browser-list"
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || pickedIds.length === 0) return;
          e.stopPropagation();
          useBrowserSelection.getState().clear();
        }}
      >
        <VirtualList
          items={items}
          itemKey={rowKey}
          rowHeight={ROW_HEIGHT}
          label={t('browser.list')}
          currentKey={state.selectedId}
          resetKey={`${appliedKey}${grouped ? ' grouped' : ''}`}
          renderRow={(item, focus) => <GroupedRowView item={item} focus={focus} claim={(c) => <ClaimRowView row={c.row} onClick={onRowClick} focus={focus} />} />}
          handle={list}
          isSelected={(item) => item.kind === 'claim' && picked.has(item.key)}
          onShiftMove={(from, to) => {
            const a = claimKey(from);
            const b = claimKey(to);
            if (a !== null && b !== null) useBrowserSelection.getState().step(a, b, order);
          }}
        />
      </div>
    </section>
  );
}
