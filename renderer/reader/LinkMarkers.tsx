import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Annotation, Link } from '../../shared/contract';
import { useT } from '../i18n/I18n';
import type { OffsetMap } from './offsets';

interface Props {
  map: OffsetMap | null;
  scroller: RefObject<HTMLDivElement | null>;
  annotations: Annotation[];
  links: Link[];
  onOpen(annotation: Annotation): void;
}

/**
 * A marker in the pane's margin beside every linked claim, with its link count; the highlight
 * itself stays a plain band (no nodes are added to the text).
 */
export function LinkMarkers({ map, scroller, annotations, links, onOpen }: Props) {
  const t = useT();
  const [marks, setMarks] = useState<{ a: Annotation; top: number; count: number }[]>([]);
  // Only linked claims get a marker, so a claim saved without links changes nothing here: the
  // markers are measured again (a forced layout per linked claim) only when the linked set moves.
  const linked = useMemo(() => {
    const counts = new Map<string, number>();
    for (const l of links) {
      counts.set(l.fromId, (counts.get(l.fromId) ?? 0) + 1);
      counts.set(l.toId, (counts.get(l.toId) ?? 0) + 1);
    }
    return annotations.flatMap((a) => {
      const count = counts.get(a.id);
      return count ? [{ a, count }] : [];
    });
  }, [annotations, links]);
  const signature = linked.map(({ a, count }) => `${a.id}:${a.start}:${a.end}:${count}`).join(',');
  const current = useRef(linked);
  current.current = linked;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!map || !el) return;
    const measure = () => {
      const box = el.getBoundingClientRect();
      const next: { a: Annotation; top: number; count: number }[] = [];
      for (const { a, count } of current.current) {
        const rect = map.range(a.start, a.end)?.getClientRects()[0];
        if (rect) next.push({ a, top: rect.top - box.top + el.scrollTop, count });
      }
      setMarks(next);
    };
    // The observer calls back once at the start as well: that is the first measurement.
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [map, scroller, signature]);
  return (
    <>
      {marks.map(({ a, top, count }) => (
        <button
          key={a.id}
          type="button"
          className="link-marker"
          style={{ top }}
          aria-label={t('links.marker', { count })}
          title={t('links.marker', { count })}
          onMouseUp={(e) => e.stopPropagation()}
          onClick={() => onOpen(a)}
        >
          ⇄{count}
        </button>
      ))}
    </>
  );
}
