import { useEffect, useState } from 'react';
import type { TeamPeer } from '../../shared/team';
import { paneRegistry } from '../reader/paneRegistry';

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

const highlightName = (i: number) => `cr-peer-${i}`;

/** Where each peer's selection shows in an open pane (viewport coordinates), for its name tag. */
interface Tag {
  key: string;
  name: string;
  color: string;
  left: number;
  top: number;
}

/**
 * Colleagues' selections in the panes: a thin underline in each person's colour, drawn with the
 * CSS Custom Highlight API over the pane's text (like the search hit), and a small name tag at the
 * start of it. Selections in documents that are not open are not drawn.
 */
export function PeerSelections({ peers }: { peers: TeamPeer[] }) {
  const [tags, setTags] = useState<Tag[]>([]);
  const [layoutTick, setLayoutTick] = useState(0);

  useEffect(() => {
    const bump = () => setLayoutTick((n) => n + 1);
    const unwatch = paneRegistry.watch(bump);
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(bump);
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      unwatch();
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, []);

  useEffect(() => {
    const next: Tag[] = [];
    const names: string[] = [];
    peers.forEach((p, i) => {
      if (!p.selection) return;
      const pane = paneRegistry.get(p.selection.documentId);
      const range = pane?.map.range(p.selection.start, p.selection.end);
      if (!pane || !range) return;
      if (supported()) {
        const h = new Highlight(range);
        h.priority = 20;
        CSS.highlights.set(highlightName(i), h);
        names.push(highlightName(i));
      }
      const rect = range.getClientRects()[0];
      const box = pane.scroller.getBoundingClientRect();
      if (rect && rect.top >= box.top && rect.top <= box.bottom) next.push({ key: `${p.id}:${i}`, name: p.name, color: p.color, left: rect.left, top: rect.top });
    });
    setTags(next);
    return () => {
      if (supported()) for (const n of names) CSS.highlights.delete(n);
    };
  }, [peers, layoutTick]);

  // One rule per peer slot: a highlight's colour can only come from a stylesheet.
  const rules = peers
    .map((p, i) => `::highlight(${highlightName(i)}) { text-decoration: underline 2px ${p.color}; text-underline-offset: 3px; }`)
    .join('\n');
  return (
    <>
      <style>{rules}</style>
      {tags.map((tag) => (
        <span key={tag.key} className="peer-tag" style={{ left: tag.left, top: tag.top, background: tag.color }} data-testid="peer-tag">
          {tag.name}
        </span>
      ))}
    </>
  );
}
