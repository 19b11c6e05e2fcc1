import { useEffect, useRef } from 'react';
import { ClaimBrowser } from '../browser/ClaimBrowser';
import { DocumentList } from '../documents/DocumentList';
import { useT } from '../i18n/I18n';
import { TagTreePanel } from '../codes/TagTreePanel';
import { useMemos } from '../memos/memoStore';
import { MemosPanel } from '../memos/MemosPanel';
import { useRecordRequests } from '../search/recordStore';
import { SearchPanel } from '../search/SearchPanel';

export type SidebarTab = 'claims' | 'search' | 'codes' | 'memos';

/** Documents on top; below them the claim browser, search, the code tree or the memos, one at a time. */
export function Sidebar({ tab, onTab, focusKey }: { tab: SidebarTab; onTab(tab: SidebarTab): void; focusKey: number }) {
  const t = useT();
  // A memo opened from elsewhere (a search hit) shows in the Memos tab.
  const { request } = useMemos();
  const seen = useRef(request);
  useEffect(() => {
    if (request === seen.current) return;
    seen.current = request;
    onTab('memos');
  }, [request, onTab]);
  // A codebook hit shows its tag in the Codes tab.
  const tagRequest = useRecordRequests((s) => s.tag?.n ?? 0);
  const seenTag = useRef(tagRequest);
  useEffect(() => {
    if (tagRequest === seenTag.current) return;
    seenTag.current = tagRequest;
    onTab('codes');
  }, [tagRequest, onTab]);
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
        <button type="button" role="tab" aria-selected={tab === 'memos'} onClick={() => onTab('memos')}>
          {t('memos.title')}
        </button>
      </div>
      {tab === 'claims' ? (
        <ClaimBrowser focusKey={focusKey} />
      ) : tab === 'search' ? (
        <SearchPanel focusKey={focusKey} />
      ) : tab === 'codes' ? (
        <TagTreePanel onShowClaims={() => onTab('claims')} />
      ) : (
        <MemosPanel />
      )}
    </aside>
  );
}
