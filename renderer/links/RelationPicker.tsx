import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Popover } from '../app/workspace';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { paneBounds, placePopover } from '../annotations/placePopover';
import { linkMode } from './linkMode';
import { relationNames } from './relationLabel';

/** Link mode's last step: the two claims are chosen; pick how they relate (number keys, Enter). */
export function RelationPicker({ popover }: { popover: Extract<Popover, { mode: 'link' }> }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ top: -9999, left: -9999 });
  const from = state.annotations.find((a) => a.id === popover.fromId);
  const to = state.annotations.find((a) => a.id === popover.toId);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setPos(placePopover(popover.rect, el.getBoundingClientRect(), paneBounds(to?.documentId ?? null), { width: window.innerWidth, height: window.innerHeight }));
    // After the click that opened it has run its course: Lexical refocuses the pane on click.
    const frame = requestAnimationFrame(() => el.querySelector<HTMLButtonElement>('button')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [popover.rect, to?.documentId]);

  const pick = (relationId: string) => void actions.createLink(popover.fromId, popover.toId, relationId);

  // The picker answers number keys and Esc wherever focus is: the click that opened it may have
  // left focus in the pane.
  const relations = state.relations;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const n = /^[1-9]$/.test(e.key) ? Number(e.key) : 0;
      if (n && relations[n - 1]) {
        e.preventDefault();
        e.stopPropagation();
        void actions.createLink(popover.fromId, popover.toId, relations[n - 1]!.id);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        actions.setPopover(null);
        linkMode.end();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [relations, actions, popover.fromId, popover.toId]);
  const excerpt = (s: string | undefined) => (s && s.length > 70 ? `${s.slice(0, 70)}…` : (s ?? ''));
  return (
    <div
      ref={ref}
      className="popover"
      role="dialog"
      aria-label={t('links.pickRelation')}
      style={{ top: pos.top, left: pos.left }}
    >
      <p className="popover-head">
        <strong>{t('links.pickRelation')}</strong>
      </p>
      <p className="small link-ends">
        «{excerpt(from?.exact)}» <br />→ «{excerpt(to?.exact)}»
      </p>
      <div className="relation-choices">
        {state.relations.map((r, i) => (
          <button key={r.id} type="button" onClick={() => pick(r.id)}>
            {i < 9 ? <kbd>{i + 1}</kbd> : null} {relationNames(r, t).name}
          </button>
        ))}
      </div>
      <p className="popover-hint">{t('links.pickHint')}</p>
    </div>
  );
}
