import { useEffect, useState } from 'react';
import type { ClusterHit } from '../../shared/cluster-api';
import { findRanges, parseQuery } from '../../shared/words';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useClusterStore } from './store';

/** Clusters whose title matches the search, above the other hits; a click opens the cluster. */
export function ClusterHits({ q }: { q: string }) {
  const t = useT();
  const { state } = useWorkspace();
  const open = useClusterStore((s) => s.open);
  const [hits, setHits] = useState<ClusterHit[]>([]);
  useEffect(() => {
    if (!q) {
      setHits([]);
      return;
    }
    let alive = true;
    call('clusters.search', { q }).then(
      (r) => alive && setHits(r),
      () => alive && setHits([]),
    );
    return () => {
      alive = false;
    };
  }, [q, state.history]);
  if (hits.length === 0) return null;
  const items = parseQuery(q);
  return (
    <div className="search-group cluster-hits">
      <h3>{t('clusters.hits', { count: hits.length })}</h3>
      <ul>
        {hits.map((h) => (
          <li key={h.key}>
            <button type="button" onClick={() => open(h.key)}>
              <Marked text={h.title} ranges={findRanges(h.title, items)} /> <span className="muted small">{t('clusters.claimsCount', { count: h.memberIds.length })}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Marked({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
