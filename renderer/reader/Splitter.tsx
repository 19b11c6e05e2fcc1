import type { RefObject } from 'react';

interface Props {
  label: string;
  /** The panes' shares of the row. */
  sizes: number[];
  /** The splitter sits before pane `index`, between it and pane `index - 1`. */
  index: number;
  container: RefObject<HTMLDivElement | null>;
  onResize(sizes: number[]): void;
}

const MIN_SHARE = 0.08;

/** Moves `delta` (a share of the whole row) from the right pane to the left one, within limits. */
function shift(sizes: number[], index: number, delta: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const next = sizes.map((s) => s / total);
  const left = next[index - 1]!;
  const right = next[index]!;
  const d = Math.max(MIN_SHARE - left, Math.min(right - MIN_SHARE, delta));
  next[index - 1] = left + d;
  next[index] = right - d;
  return next;
}

/** A draggable, keyboard-operable divider (ARIA window splitter pattern). */
export function Splitter({ label, sizes, index, container, onResize }: Props) {
  const total = sizes.reduce((a, b) => a + b, 0);
  const leftShare = Math.round((sizes.slice(0, index).reduce((a, b) => a + b, 0) / total) * 100);
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={leftShare}
      tabIndex={0}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 0.1 : 0.02;
        if (e.key === 'ArrowLeft') onResize(shift(sizes, index, -step));
        else if (e.key === 'ArrowRight') onResize(shift(sizes, index, step));
        else return;
        e.preventDefault();
      }}
      onPointerDown={(e) => {
        const row = container.current;
        if (!row) return;
        e.preventDefault();
        // The whole row, scrolled-off panes included: shares are of all of it.
        const width = row.scrollWidth;
        const startX = e.clientX;
        const startSizes = sizes;
        const target = e.currentTarget;
        target.setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent) => onResize(shift(startSizes, index, (ev.clientX - startX) / width));
        const up = () => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
      }}
    />
  );
}
