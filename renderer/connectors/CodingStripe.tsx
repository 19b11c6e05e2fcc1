import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Annotation } from '../../shared/contract';
import { relationColor } from '../../shared/relation-colors';
import { useWorkspace } from '../app/workspace';
import { usePickClaim } from '../annotations/usePickClaim';
import { useT } from '../i18n/I18n';
import { flash } from '../reader/highlights';
import type { OffsetMap } from '../reader/offsets';
import { scrollToOffset } from '../reader/paneRegistry';

interface Props {
  documentId: string;
  title: string;
  map: OffsetMap | null;
  scroller: RefObject<HTMLDivElement | null>;
  /** This document's claims, in text order. */
  annotations: readonly Annotation[];
}

interface Mark {
  id: string;
  claim: Annotation;
  /** Share of the document's height, 0–1. */
  top: number;
  height: number;
  color: string;
  kind: 'claim' | 'link';
  /** Several links of one claim sit side by side in the link lane. */
  lane?: number;
}

const NO_TAG = '#8a8fa0';

/**
 * The document's map beside its scrollbar: where its claims are (in their first tag's colour) and,
 * in a second lane, a mark for each link of a claim (in the relation's colour). A click jumps there.
 * Positions are measured in the laid-out text, so they match the scrollbar's, and are measured
 * again when the claims, links, tags or the pane's size change.
 */
export function CodingStripe({ documentId, title, map, scroller, annotations }: Props) {
  const t = useT();
  const { state } = useWorkspace();
  const pick = usePickClaim();
  const [marks, setMarks] = useState<Mark[]>([]);
  const tagColor = useMemo(() => new Map(state.tags.map((tag) => [tag.id, tag.color])), [state.tags]);
  const linksOf = useMemo(() => {
    const rels = new Map(state.relations.map((r) => [r.id, r]));
    const out = new Map<string, string[]>();
    for (const l of state.links) {
      const color = relationColor(rels.get(l.relationId));
      for (const id of [l.fromId, l.toId]) {
        const list = out.get(id);
        if (list) list.push(color);
        else out.set(id, [color]);
      }
    }
    return out;
  }, [state.links, state.relations]);
  const inputs = useRef({ annotations, tagColor, linksOf });
  inputs.current = { annotations, tagColor, linksOf };

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!map || !el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const box = el.getBoundingClientRect();
      const height = el.scrollHeight || 1;
      const next: Mark[] = [];
      const { annotations: claims, tagColor: colors, linksOf: links } = inputs.current;
      // Marks that would land on the same pixel row in the same colour are one mark: a long
      // document's thousands of claims stay a few hundred buttons (the first claim there is the jump).
      const taken = new Set<string>();
      const add = (m: Mark) => {
        const key = `${m.kind}:${m.lane ?? 0}:${m.color}:${Math.round(m.top * el.clientHeight)}`;
        if (taken.has(key)) return;
        taken.add(key);
        next.push(m);
      };
      for (const a of claims) {
        const rect = map.range(a.start, a.end)?.getBoundingClientRect();
        if (!rect || rect.height === 0) continue;
        const top = (rect.top - box.top + el.scrollTop) / height;
        const h = rect.height / height;
        add({ id: `c${a.id}`, claim: a, top, height: h, color: colors.get(a.tagIds[0] ?? '') ?? NO_TAG, kind: 'claim' });
        // Up to three links of a claim side by side; more would sit on the same pixels anyway.
        (links.get(a.id) ?? []).slice(0, 3).forEach((color, i) => {
          add({ id: `l${a.id}:${i}`, claim: a, top, height: h, color, kind: 'link', lane: i });
        });
      }
      setMarks(next);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    const ro = new ResizeObserver(schedule);
    ro.observe(el);
    const text = el.querySelector('.source-text');
    if (text) ro.observe(text);
    schedule();
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [map, scroller, annotations, tagColor, linksOf]);

  const jump = (a: Annotation) => {
    const rect = scrollToOffset(documentId, a.start, a.end);
    if (!rect) return;
    flash(documentId, a.start, a.end);
    pick(a.id, rect);
  };
  const claimCount = annotations.length;
  const linkCount = useMemo(() => annotations.reduce((n, a) => n + (linksOf.get(a.id)?.length ?? 0), 0), [annotations, linksOf]);
  const quote = (a: Annotation) => (a.exact.length > 80 ? `${a.exact.slice(0, 80)}…` : a.exact);
  return (
    <div className="coding-stripe" role="group" aria-label={t('stripe.label', { title, claims: claimCount, links: linkCount })}>
      {marks.map((m) => (
        <button
          key={m.id}
          type="button"
          tabIndex={-1}
          className={m.kind === 'claim' ? 'stripe-mark stripe-claim' : 'stripe-mark stripe-link'}
          data-claim-id={m.claim.id}
          style={{ top: `${m.top * 100}%`, height: `max(3px, ${m.height * 100}%)`, background: m.color, marginLeft: (m.lane ?? 0) * 2 }}
          title={t(m.kind === 'claim' ? 'stripe.claim' : 'stripe.link', { quote: quote(m.claim) })}
          onMouseUp={(e) => e.stopPropagation()}
          onClick={() => jump(m.claim)}
        />
      ))}
    </div>
  );
}
