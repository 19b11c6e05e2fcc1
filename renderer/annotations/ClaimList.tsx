import { useMemo } from 'react';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useRevealClaim } from './useRevealClaim';

/** Every claim of the project, in document order; activating one opens and scrolls to it. */
export function ClaimList() {
  const t = useT();
  const { state } = useWorkspace();
  const tagById = useMemo(() => new Map(state.tags.map((x) => [x.id, x])), [state.tags]);
  const docOrder = useMemo(() => new Map(state.documents.map((d, i) => [d.id, i])), [state.documents]);
  const docById = useMemo(() => new Map(state.documents.map((d) => [d.id, d])), [state.documents]);
  const claims = useMemo(
    () =>
      [...state.annotations].sort(
        (a, b) => (docOrder.get(a.documentId) ?? 0) - (docOrder.get(b.documentId) ?? 0) || a.start - b.start,
      ),
    [state.annotations, docOrder],
  );

  const reveal = useRevealClaim();

  return (
    <section className="sidebar-section claims" role="region" aria-label={t('claims.title')}>
      <h2>
        {t('claims.title')} <span className="count">{claims.length}</span>
      </h2>
      {claims.length === 0 ? <p className="muted small">{t('claims.empty')}</p> : null}
      <ul>
        {claims.map((a) => (
          <li key={a.id} className={a.id === state.selectedId ? 'selected' : undefined}>
            <button type="button" onClick={() => reveal(a.id)}>
              <span className="claim-tags">
                {a.tagIds.length === 0 ? <span className="chip untagged">{t('claims.untagged')}</span> : null}
                {a.tagIds.map((id) => {
                  const tag = tagById.get(id);
                  return tag ? (
                    <span key={id} className="chip" style={{ '--tag': tag.color } as React.CSSProperties}>
                      {tag.name}
                    </span>
                  ) : null;
                })}
              </span>
              <span className="claim-quote">«{a.exact.length > 140 ? `${a.exact.slice(0, 140)}…` : a.exact}»</span>
              <span className="claim-source">{docById.get(a.documentId)?.outlet || docById.get(a.documentId)?.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
