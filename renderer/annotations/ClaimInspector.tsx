import { useRef, useState } from 'react';
import { useWorkspace } from '../app/workspace';
import { useUndoKeyCancels } from '../history/useUndoKeyCancels';
import { useT } from '../i18n/I18n';
import { LinkList } from '../links/LinkList';
import { NoteEditor } from '../notes/NoteEditor';
import { AnchorBadge } from '../share/AnchorBadge';
import { useCitation } from '../reader/useCitation';
import { useDeleteClaim } from './useDeleteClaim';
import { ClaimGrading } from '../attributes/ClaimGrading';
import { AddToMatrix } from '../hypotheses/AddToMatrix';
import { ClusterSection } from '../clusters/ClusterSection';

/**
 * The selected claim in full: quote and citation, tags, its note, its links — the one place an
 * existing claim is edited. A column of its own beside the panes (hidden with a key or a button),
 * there whether or not a claim is selected, so selecting one never reflows the text being read.
 */
export function ClaimInspector() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const claim = state.annotations.find((a) => a.id === state.selectedId);
  const doc = state.documents.find((d) => d.id === claim?.documentId);
  const citation = useCitation(claim, doc);
  const [confirming, setConfirming] = useState<string | null>(null);
  useUndoKeyCancels(confirming !== null, () => setConfirming(null));
  const deleteClaim = useDeleteClaim();
  // Tags toggled but not yet saved: quick clicks each build on the one before, not on a stale claim.
  const unsaved = useRef<{ id: string; tagIds: string[] } | null>(null);
  // Saves go one after another, so the server takes the clicks in the order they were made.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const [, showUnsaved] = useState(0);
  if (!state.layout.inspector) return null;
  if (!claim) {
    return (
      <aside className="inspector" role="complementary" aria-label={t('inspector.title')}>
        <header className="inspector-head">
          <h2>{t('inspector.title')}</h2>
        </header>
        <p className="muted small">{t('inspector.empty')}</p>
      </aside>
    );
  }
  const linkCount = state.links.filter((l) => l.fromId === claim.id || l.toId === claim.id).length;
  if (unsaved.current && (unsaved.current.id !== claim.id || sameTags(unsaved.current.tagIds, claim.tagIds))) unsaved.current = null;
  const tagIds = unsaved.current?.tagIds ?? claim.tagIds;
  const toggle = (tagId: string) => {
    // Read at click time, not render time: a second click before the first one's save (and the
    // render after it) must build on the first.
    const current = unsaved.current?.id === claim.id ? unsaved.current.tagIds : claim.tagIds;
    const next = current.includes(tagId) ? current.filter((x) => x !== tagId) : [...current, tagId];
    unsaved.current = { id: claim.id, tagIds: next };
    showUnsaved((n) => n + 1);
    const id = claim.id;
    saving.current = saving.current.then(() => actions.setAnnotationTags(id, next));
  };
  return (
    <aside className="inspector" role="complementary" aria-label={t('inspector.title')}>
      <header className="inspector-head">
        <h2>{t('inspector.title')}</h2>
        <button type="button" className="icon" aria-label={t('common.close')} onClick={() => actions.select(null)}>
          ×
        </button>
      </header>
      <blockquote className="inspector-quote" lang={doc?.language || undefined}>
        {claim.exact}
      </blockquote>
      <p className="muted small">
        {citation} · {t('popover.by', { author: claim.author })} · <AnchorBadge id={claim.id} showExact />
      </p>
      <div className="tag-toggles" role="group" aria-label={t('tags.title')}>
        {state.tags.map((tag) => (
          <button key={tag.id} type="button" className="tag-toggle" aria-pressed={tagIds.includes(tag.id)} style={{ '--tag': tag.color } as React.CSSProperties} onClick={() => toggle(tag.id)}>
            {tag.name}
          </button>
        ))}
      </div>
      <ClaimGrading annotationId={claim.id} documentId={claim.documentId} />
      <section className="inspector-section" aria-label={t('note.title')}>
        <h3>{t('note.title')}</h3>
        <NoteEditor key={claim.id} owner={{ kind: 'annotation', id: claim.id }} label={t('note.claimLabel')} />
      </section>
      <ClusterSection claimId={claim.id} />
      <LinkList claim={claim} />
      <div className="inspector-actions">
        <button type="button" onClick={() => actions.startLinking(claim.id)}>
          {t('links.start')} <kbd>L</kbd>
        </button>
        <AddToMatrix claimId={claim.id} />
        <span className="spacer" />
        {confirming === claim.id ? (
          <span className="confirm" role="alert">
            {t('inspector.confirmDelete', { count: linkCount })}
            <button type="button" className="danger" onClick={() => void deleteClaim(claim.id).then(() => setConfirming(null))}>
              {t('common.delete')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={() => (linkCount > 0 ? setConfirming(claim.id) : void deleteClaim(claim.id))}>
            {t('popover.delete')}
          </button>
        )}
      </div>
    </aside>
  );
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
