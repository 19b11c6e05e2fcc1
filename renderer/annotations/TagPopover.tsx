import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation, Tag } from '../../shared/contract';
import { useWorkspace, type Popover } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { scrollToOffset } from '../reader/paneRegistry';
import { RelationPicker } from '../links/RelationPicker';
import { useDeleteClaim } from './useDeleteClaim';

/** Keeps the popover inside the window, below the selection (or above it near the bottom). */
function place(rect: DOMRect, box: { width: number; height: number }) {
  const margin = 8;
  let top = rect.bottom + margin;
  if (top + box.height > window.innerHeight - margin) top = Math.max(margin, rect.top - box.height - margin);
  const left = Math.min(Math.max(margin, rect.left), window.innerWidth - box.width - margin);
  return { top, left };
}

export function TagPopover() {
  const { state } = useWorkspace();
  const popover = state.popover;
  if (!popover) return null;
  if (popover.mode === 'link') return <RelationPicker key={`${popover.fromId}-${popover.toId}`} popover={popover} />;
  return <PopoverBody key={popover.mode === 'edit' ? popover.annotationId : popover.mode} popover={popover} />;
}

function PopoverBody({ popover }: { popover: Exclude<Popover, { mode: 'link' }> }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number }>({ top: -9999, left: -9999 });
  const [tagIds, setTagIds] = useState<string[]>(popover.mode === 'choose' ? [] : popover.tagIds);
  const [newTag, setNewTag] = useState('');
  const deleteClaim = useDeleteClaim();
  const editing = popover.mode === 'edit' ? state.annotations.find((a) => a.id === popover.annotationId) : undefined;

  // Keyboard users go back to where they were (the pane's caret) when the popover closes.
  useLayoutEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = ref.current;
    return () => {
      const active = document.activeElement;
      if (returnTo?.isConnected && (!active || active === document.body || el?.contains(active))) returnTo.focus({ preventScroll: true });
    };
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setPos(place(popover.rect, el.getBoundingClientRect()));
    el.focus();
    // Again after the click that opened it has run its course: Lexical refocuses the pane on click.
    const frame = requestAnimationFrame(() => el.focus());
    return () => cancelAnimationFrame(frame);
  }, [popover.rect]);

  const close = () => {
    actions.setPopover(null);
  };

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) actions.setPopover(null);
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [actions]);

  const toggle = (id: string) => setTagIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  // The popover closes at once; the save lands in the background, so fast users are never blocked.
  const save = () => {
    actions.setPopover(null);
    // Collapsed now, not when the save returns (the user may be dragging the next selection by
    // then). The caret stays at the claim's end, so the pane neither jumps nor loses its place.
    if (popover.mode === 'create') window.getSelection()?.collapseToEnd();
    if (popover.mode === 'create') void actions.createAnnotation(popover.documentId, popover.start, popover.end, tagIds);
    else if (popover.mode === 'edit') void actions.setAnnotationTags(popover.annotationId, tagIds);
  };
  const addTag = async () => {
    const name = newTag.trim();
    if (!name) return;
    const tag = await actions.createTag(name);
    if (tag) {
      setTagIds((ids) => [...ids, tag.id]);
      setNewTag('');
      ref.current?.focus();
    }
  };

  // Keys reach the popover wherever focus is: typing 1, Enter right after a selection must not
  // race the popover taking focus (the keys would land in the pane instead).
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT') {
      if (e.key === 'Escape' && ref.current?.contains(target)) ref.current.focus();
      return;
    }
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') {
      handled();
      close();
    } else if (e.key === 'Enter' && popover.mode !== 'choose' && !(target.tagName === 'BUTTON' && ref.current?.contains(target))) {
      handled();
      save();
    } else if (/^[1-9]$/.test(e.key) && popover.mode !== 'choose') {
      const tag = state.tags[Number(e.key) - 1];
      if (tag) {
        handled();
        toggle(tag.id);
      }
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && popover.mode === 'edit') {
      handled();
      void deleteClaim(popover.annotationId);
    } else if (e.code === 'KeyL' && popover.mode === 'edit') {
      handled();
      actions.startLinking(popover.annotationId);
    }
  };
  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  useLayoutEffect(() => {
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

  const quote =
    popover.mode === 'create'
      ? null
      : popover.mode === 'edit'
        ? editing?.exact
        : null;

  return (
    <div
      ref={ref}
      className="popover"
      role="dialog"
      aria-label={popover.mode === 'create' ? t('popover.title') : t('popover.editTitle')}
      tabIndex={-1}
      style={{ top: pos.top, left: pos.left }}
    >
      {popover.mode === 'choose' ? (
        <ChooseList ids={popover.annotationIds} annotations={state.annotations} tags={state.tags} />
      ) : (
        <>
          <div className="popover-head">
            <strong>{popover.mode === 'create' ? t('popover.title') : t('popover.editTitle')}</strong>
            {editing ? <span className="muted"> · {t('popover.by', { author: editing.author })}</span> : null}
          </div>
          {quote ? <blockquote className="popover-quote">{quote.length > 180 ? `${quote.slice(0, 180)}…` : quote}</blockquote> : null}
          <div className="tag-toggles" role="group" aria-label={t('tags.title')}>
            {state.tags.map((tag, i) => (
              <button
                key={tag.id}
                type="button"
                className="tag-toggle"
                aria-pressed={tagIds.includes(tag.id)}
                style={{ '--tag': tag.color } as React.CSSProperties}
                onClick={() => toggle(tag.id)}
              >
                {i < 9 ? <kbd>{i + 1}</kbd> : null} {tag.name}
              </button>
            ))}
          </div>
          <form
            className="new-tag"
            onSubmit={(e) => {
              e.preventDefault();
              void addTag();
            }}
          >
            <input value={newTag} onChange={(e) => setNewTag(e.target.value)} placeholder={t('popover.newTag')} aria-label={t('tags.newName')} maxLength={80} />
            <button type="submit" disabled={!newTag.trim()}>
              {t('popover.add')}
            </button>
          </form>
          <div className="popover-actions">
            {popover.mode === 'edit' ? (
              <>
                <button type="button" className="danger" onClick={() => void deleteClaim(popover.annotationId)}>
                  {t('popover.delete')}
                </button>
                <button type="button" onClick={() => actions.startLinking(popover.annotationId)}>
                  {t('links.start')} <kbd>L</kbd>
                </button>
              </>
            ) : null}
            <span className="spacer" />
            <button type="button" onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="button" className="primary" onClick={save}>
              {popover.mode === 'create' ? t('popover.save') : t('popover.update')}
            </button>
          </div>
          <p className="popover-hint">{t('popover.hint')}</p>
        </>
      )}
    </div>
  );
}

function ChooseList({ ids, annotations, tags }: { ids: string[]; annotations: Annotation[]; tags: Tag[] }) {
  const t = useT();
  const { actions } = useWorkspace();
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const tagById = new Map(tags.map((x) => [x.id, x]));
  return (
    <div>
      <p className="popover-head">{t('popover.choose', { count: ids.length })}</p>
      <ul className="choose-list">
        {ids.map((id) => {
          const a = byId.get(id);
          if (!a) return null;
          return (
            <li key={id}>
              <button
                type="button"
                onClick={() => {
                  actions.select(id);
                  const rect = scrollToOffset(a.documentId, a.start, a.end) ?? new DOMRect(100, 100, 0, 0);
                  actions.setPopover({ mode: 'edit', annotationId: id, rect, tagIds: a.tagIds });
                }}
              >
                {a.tagIds.map((tid) => (
                  <span key={tid} className="dot" style={{ background: tagById.get(tid)?.color }} />
                ))}
                «{a.exact.length > 90 ? `${a.exact.slice(0, 90)}…` : a.exact}»
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
