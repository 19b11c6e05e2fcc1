import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, Tag } from '../../shared/contract';
import { tagTree } from '../../shared/tag-tree';
import { useWorkspace, type Popover } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { RelationPicker } from '../links/RelationPicker';
import { paneBounds, placePopover } from './placePopover';
import { usePickClaim } from './usePickClaim';

export function TagPopover() {
  const { state } = useWorkspace();
  const popover = state.popover;
  if (!popover) return null;
  if (popover.mode === 'link') return <RelationPicker key={`${popover.fromId}-${popover.toId}`} popover={popover} />;
  return <PopoverBody key={popover.mode} popover={popover} />;
}

function PopoverBody({ popover }: { popover: Exclude<Popover, { mode: 'link' }> }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const tree = useMemo(() => tagTree(state.tags), [state.tags]);
  const topLevel = useMemo(() => tree.filter((r) => r.depth === 0).map((r) => r.tag), [tree]);
  // The number keys go to the starred tags when there are any, else to the top level; in the tree's order either way.
  const keyed = useMemo(() => {
    const favourites = tree.filter((r) => r.tag.favourite).map((r) => r.tag);
    return favourites.length > 0 ? favourites : topLevel;
  }, [tree, topLevel]);
  const nested = tree.length !== topLevel.length;
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number }>({ top: -9999, left: -9999 });
  const [tagIds, setTagIds] = useState<string[]>(popover.mode === 'choose' ? [] : popover.tagIds);
  const [newTag, setNewTag] = useState('');

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
    setPos(placePopover(popover.rect, el.getBoundingClientRect(), paneBounds(popover.documentId), { width: window.innerWidth, height: window.innerHeight }));
    el.focus();
    // Again after the click that opened it has run its course: Lexical refocuses the pane on click.
    const frame = requestAnimationFrame(() => el.focus());
    return () => cancelAnimationFrame(frame);
  }, [popover.rect, popover.documentId]);

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
    if (popover.mode !== 'create') return;
    window.getSelection()?.collapseToEnd();
    void actions.createAnnotation(popover.documentId, popover.start, popover.end, tagIds);
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
      const tag = keyed[Number(e.key) - 1];
      if (tag) {
        handled();
        toggle(tag.id);
      }
    }
  };
  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  useLayoutEffect(() => {
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

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
            <strong>{t('popover.title')}</strong>
          </div>
          <div className={`tag-toggles${nested ? ' tree' : ''}`} role="group" aria-label={t('tags.title')}>
            {tree.map(({ tag, depth }) => {
              const key = keyed.indexOf(tag) + 1;
              return (
                <button
                  key={tag.id}
                  type="button"
                  className="tag-toggle"
                  aria-pressed={tagIds.includes(tag.id)}
                  style={{ '--tag': tag.color, '--depth': depth } as React.CSSProperties}
                  onClick={() => toggle(tag.id)}
                >
                  {key > 0 && key < 10 ? <kbd>{key}</kbd> : null} {tag.name}
                </button>
              );
            })}
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
            <span className="spacer" />
            <button type="button" onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="button" className="primary" onClick={save}>
              {t('popover.save')}
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
  const pick = usePickClaim();
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
                onClick={() => pick(id, null)}
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
