import { useEffect, useMemo, useRef, useState } from 'react';
import type { AutocodeScope, MemoHit, SearchHit } from '../../shared/contract';
import type { RecordHit } from '../../shared/search-records';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useRevealClaim } from '../annotations/useRevealClaim';
import { useHistory } from '../history/useHistory';
import { MemoHits } from '../memos/MemoHits';
import { HypothesisHits } from '../hypotheses/HypothesisHits';
import { ClusterHits } from '../clusters/ClusterHits';
import { useT } from '../i18n/I18n';
import { flash } from '../reader/highlights';
import { paneRegistry, scrollToOffset } from '../reader/paneRegistry';
import { RecordHits } from './RecordHits';
import { markSearchHit } from './searchHit';

/** Hits fetched at a time: a common word has tens of thousands, and the first page must come fast. */
const PAGE = 200;
const SCOPES: AutocodeScope[] = ['word', 'sentence', 'paragraph'];

interface Result {
  q: string;
  hits: SearchHit[];
  total: number;
  documentTotal: number;
  memos: MemoHit[];
  /** Hits in attribute values and the codebook (first page only, like memos). */
  records: RecordHit[];
}

/**
 * Full-text search over every document and note, Russian-aware (word forms, ё = е). A hit opens its
 * document at the place; all document hits can be coded with one tag at once.
 */
export function SearchPanel({ focusKey }: { focusKey: number }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const history = useHistory();
  const reveal = useRevealClaim();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [tagId, setTagId] = useState('');
  const [scope, setScope] = useState<AutocodeScope>('word');

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusKey]);

  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setResult(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      Promise.all([call('search.query', { q: query, limit: PAGE }), call('search.records', { q: query, limit: PAGE })]).then(
        ([r, records]) => alive && setResult({ q: query, ...r, records: records.hits }),
        (e: Error) => alive && actions.notify('error', e.message),
      );
    }, 200);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [q, actions, state.annotations]);

  const groups = useMemo(() => {
    const byDoc = new Map<string, SearchHit[]>();
    for (const h of result?.hits ?? []) byDoc.set(h.documentId, [...(byDoc.get(h.documentId) ?? []), h]);
    return [...byDoc.entries()];
  }, [result]);
  const docHits = result?.documentTotal ?? 0;

  const loadMore = () => {
    if (!result || loadingMore) return;
    const shown = result;
    setLoadingMore(true);
    call('search.query', { q: shown.q, limit: PAGE, offset: shown.hits.length })
      .then(
        // A new query (or a change that re-ran this one) since the click wins over this page.
        (page) => setResult((current) => (current === shown ? { ...page, q: shown.q, memos: shown.memos, records: shown.records, hits: [...shown.hits, ...page.hits] } : current)),
        (e: Error) => actions.notify('error', e.message),
      )
      .finally(() => setLoadingMore(false));
  };

  const open = (h: SearchHit) => {
    if (h.kind === 'note' && h.annotationId) return reveal(h.annotationId);
    actions.openDocument(h.documentId);
    let tries = 0;
    const attempt = () => {
      if (!paneRegistry.get(h.documentId)) {
        if (tries++ < 60) setTimeout(attempt, 50);
        return;
      }
      // A pane that has just opened restores its remembered scroll in its next frame: scroll after that.
      requestAnimationFrame(() => {
        if (!scrollToOffset(h.documentId, h.start, h.end)) return;
        flash(h.documentId, h.start, h.end);
        markSearchHit(h.documentId, h.start, h.end);
      });
    };
    requestAnimationFrame(attempt);
  };

  const autocode = async () => {
    if (!result || !tagId) return;
    const done = await actions.guard(() => call('search.autocode', { q: result.q, tagId, scope }));
    if (!done) return;
    await actions.refresh('annotations');
    await history.offerUndo(t('search.autocoded', { created: done.created, tagged: done.tagged, covered: done.covered }), done.step);
  };

  return (
    <section className="sidebar-section search" role="region" aria-label={t('search.title')}>
      <h2>{t('search.title')}</h2>
      <input ref={input} type="search" className="search-input" value={q} placeholder={t('search.placeholder')} aria-label={t('search.placeholder')} onChange={(e) => setQ(e.target.value)} />
      {result ? (
        <p className="muted small" role="status">
          {result.total > result.hits.length ? t('search.countMore', { shown: result.hits.length, total: result.total }) : t('search.count', { count: result.total + result.memos.length + result.records.length })}
        </p>
      ) : null}
      {result && docHits > 0 && !state.project?.readOnly ? (
        <div className="autocode">
          <select aria-label={t('search.autocodeTag')} value={tagId} onChange={(e) => setTagId(e.target.value)}>
            <option value="">{t('search.autocodeTag')}</option>
            {state.tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
          <label className="autocode-scope">
            <span>{t('search.scope')}</span>
            <select value={scope} onChange={(e) => setScope(e.target.value as AutocodeScope)}>
              {SCOPES.map((s) => (
                <option key={s} value={s}>
                  {t(`search.scope.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!tagId} onClick={() => void autocode()}>
            {t('search.autocode', { count: docHits })}
          </button>
        </div>
      ) : null}
      <div className="search-results">
        <ClusterHits q={result?.q ?? ''} />
        <MemoHits hits={result?.memos ?? []} />
        <RecordHits hits={result?.records ?? []} />
        <HypothesisHits q={q} />
        {groups.map(([docId, hits]) => {
          const doc = state.documents.find((d) => d.id === docId);
          return (
            <div key={docId} className="search-group">
              <h3>{doc ? doc.outlet || doc.title : docId}</h3>
              <ul>
                {hits.map((h) => (
                  <li key={`${h.kind}-${h.annotationId ?? ''}-${h.start}`}>
                    <button type="button" onClick={() => open(h)}>
                      <span className="muted small">{h.kind === 'note' ? t('search.inNote') : `¶${h.paragraph}`}</span>{' '}
                      …{h.before}
                      <mark>{h.match}</mark>
                      {h.after}…
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {result && result.hits.length < result.total ? (
        <button type="button" className="search-more" disabled={loadingMore} onClick={loadMore}>
          {t('search.loadMore', { count: Math.min(PAGE, result.total - result.hits.length) })}
        </button>
      ) : null}
    </section>
  );
}
