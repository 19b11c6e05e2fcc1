import type { MemoHit } from '../../shared/contract';
import { useT } from '../i18n/I18n';
import { openMemo } from './memoStore';
import { useMemoTitle } from './useMemoTitle';

/** Search hits in memos, above the documents' hits; a click opens the memo in the Memos tab. */
export function MemoHits({ hits }: { hits: MemoHit[] }) {
  const t = useT();
  const title = useMemoTitle();
  if (hits.length === 0) return null;
  return (
    <div className="search-group memo-hits">
      <h3>{t('memos.hits', { count: hits.length })}</h3>
      <ul>
        {hits.map((h) => (
          <li key={`${h.owner.kind}-${h.owner.kind === 'project' ? '' : h.owner.id}-${h.start}`}>
            <button type="button" onClick={() => openMemo(h.owner)}>
              <span className="muted small">{title(h.owner)}</span> …{h.before}
              <mark>{h.match}</mark>
              {h.after}…
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
