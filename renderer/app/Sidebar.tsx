import { ClaimBrowser } from '../browser/ClaimBrowser';
import { DocumentList } from '../documents/DocumentList';
import { useT } from '../i18n/I18n';
import { TagTreePanel } from '../codes/TagTreePanel';
import { SearchPanel } from '../search/SearchPanel';

export type SidebarTab = 'claims' | 'search' | 'codes';

/** Documents on top; below them the claim browser or search, one at a time. */
export function Sidebar({ tab, onTab, focusKey }: { tab: SidebarTab; onTab(tab: SidebarTab): void; focusKey: number }) {
  const t = useT();
  return (
    <aside className="sidebar">
      <DocumentList />
      <div className="sidebar-tabs" role="tablist" aria-label={t('sidebar.views')}>
        <button type="button" role="tab" aria-selected={tab === 'claims'} onClick={() => onTab('claims')}>
          {t('claims.title')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'search'} onClick={() => onTab('search')}>
          {t('search.title')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'codes'} onClick={() => onTab('codes')}>
          {t('codes.tab')}
        </button>
      </div>
      {tab === 'claims' ? <ClaimBrowser focusKey={focusKey} /> : tab === 'search' ? <SearchPanel focusKey={focusKey} /> : <TagTreePanel onShowClaims={() => onTab('claims')} />}
    </aside>
  );
}
