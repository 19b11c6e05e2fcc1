import { useLayoutEffect, useState, type RefObject } from 'react';
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
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!map || !el) return;
    const counts = new Map<string, number>();
    for (const l of links) {
      counts.set(l.fromId, (counts.get(l.fromId) ?? 0) + 1);
      counts.set(l.toId, (counts.get(l.toId) ?? 0) + 1);
    }
    const measure = () => {
      const box = el.getBoundingClientRect();
      const next: { a: Annotation; top: number; count: number }[] = [];
      for (const a of annotations) {
        const count = counts.get(a.id);
        if (!count) continue;
        const rect = map.range(a.start, a.end)?.getClientRects()[0];
        if (rect) next.push({ a, top: rect.top - box.top + el.scrollTop, count });
      }
      setMarks(next);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [map, scroller, annotations, links]);
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
