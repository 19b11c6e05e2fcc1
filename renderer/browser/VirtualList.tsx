import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

/** What a row's focusable element must spread onto itself (roving tabindex). */
export interface RowFocusProps {
  tabIndex: 0 | -1;
  'data-row-focus': '';
}

export interface VirtualListProps<T> {
  items: readonly T[];
  itemKey(item: T): string;
  /** Every row is exactly this tall (px); the CSS must keep row content inside it. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank band. */
  overscan?: number;
  label: string;
  className?: string;
  /** The row shown as current (aria-current); scrolled into view whenever it changes. */
  currentKey?: string | null;
  /** Whenever this changes the list goes back to its top: a new filter or sort is a new list. */
  resetKey?: string;
  renderRow(item: T, focus: RowFocusProps): ReactNode;
  /** For a field that leads into the list (a search box): focus a row by its index. */
  handle?: Ref<VirtualListHandle>;
  /** Rows picked for a bulk action (aria-selected); without it the list has no selection. */
  isSelected?(item: T): boolean;
  /** Shift+ArrowUp/ArrowDown moved focus from one row to the next: extend the selection. */
  onShiftMove?(from: T, to: T): void;
}

export interface VirtualListHandle {
  /** Scrolls row `index` into view and focuses it; false when there is no such row. */
  focusAt(index: number): boolean;
}

/**
 * A list that renders only the rows in view (plus overscan), each absolutely placed in a spacer as
 * tall as the whole list, so thousands of rows cost what a screenful does.
 *
 * Keyboard: one row is in the tab order; ArrowUp/ArrowDown, PageUp/PageDown and Home/End move focus,
 * scrolling as needed. The focused row is always rendered, even when scrolled out of view, so
 * focus is never dropped on the floor by the virtualisation.
 */
export function VirtualList<T>({ items, itemKey, rowHeight, overscan = 6, label, className, currentKey = null, resetKey, renderRow, handle, isSelected, onShiftMove }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [first, setFirst] = useState(0);
  const [viewport, setViewport] = useState(0);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);

  const keyIndex = useMemo(() => new Map(items.map((item, i) => [itemKey(item), i])), [items, itemKey]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) setFirst(Math.floor(el.scrollTop / rowHeight));
  }, [rowHeight]);

  const ensureVisible = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
      setFirst(Math.floor(el.scrollTop / rowHeight));
    },
    [rowHeight],
  );

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = 0;
    setFirst(0);
  }, [resetKey]);

  // Only a change of the current row scrolls to it; a new filter must not yank the list back to it.
  const lastCurrent = useRef<string | null>(null);
  useEffect(() => {
    if (currentKey === lastCurrent.current) return;
    lastCurrent.current = currentKey;
    const index = currentKey === null ? undefined : keyIndex.get(currentKey);
    if (index !== undefined) ensureVisible(index);
  }, [currentKey, keyIndex, ensureVisible]);

  // Keyboard moves render the target row first, then focus it here.
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (key === null) return;
    pendingFocus.current = null;
    const row = [...(listRef.current?.children ?? [])].find((li) => (li as HTMLElement).dataset.key === key);
    row?.querySelector<HTMLElement>('[data-row-focus]')?.focus({ preventScroll: true });
  });

  const focusIndex = focusKey === null ? undefined : keyIndex.get(focusKey);
  const tabbable = focusIndex ?? Math.min(first, items.length - 1);

  const moveFocus = (index: number) => {
    const item = items[index];
    if (item === undefined) return;
    ensureVisible(index);
    const key = itemKey(item);
    pendingFocus.current = key;
    setFocusKey(key);
  };

  useImperativeHandle(handle, () => ({
    focusAt(index: number) {
      if (index < 0 || index >= items.length) return false;
      moveFocus(index);
      return true;
    },
  }));

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const from = focusIndex ?? tabbable;
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const targets: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: items.length - 1,
    };
    const target = targets[e.key];
    if (target === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    const to = Math.max(0, Math.min(items.length - 1, target));
    if (e.shiftKey) {
      if (!onShiftMove || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
      e.preventDefault();
      const fromItem = items[from];
      const toItem = items[to];
      if (fromItem !== undefined && toItem !== undefined && to !== from) onShiftMove(fromItem, toItem);
      moveFocus(to);
      return;
    }
    e.preventDefault();
    moveFocus(to);
  };

  const start = Math.max(0, first - overscan);
  const end = Math.min(items.length, first + Math.ceil(viewport / rowHeight) + 1 + overscan);
  const indices: number[] = [];
  if (focusIndex !== undefined && focusIndex < start) indices.push(focusIndex);
  for (let i = start; i < end; i++) indices.push(i);
  if (focusIndex !== undefined && focusIndex >= end) indices.push(focusIndex);

  return (
    <div ref={scroller} className={className ? `vlist ${className}` : 'vlist'} onScroll={onScroll}>
      <ul
        ref={listRef}
        role="list"
        aria-label={label}
        className="vlist-rows"
        style={{ height: items.length * rowHeight }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const key = (e.target as HTMLElement).closest<HTMLElement>('li[data-key]')?.dataset.key;
          if (key !== undefined) setFocusKey(key);
        }}
      >
        {indices.map((i) => {
          const item = items[i]!;
          const key = itemKey(item);
          return (
            <li
              key={key}
              data-key={key}
              className="vlist-row"
              style={{ top: i * rowHeight, height: rowHeight }}
              aria-setsize={items.length}
              aria-posinset={i + 1}
              aria-current={key === currentKey ? 'true' : undefined}
              aria-selected={isSelected ? isSelected(item) : undefined}
            >
              {renderRow(item, { tabIndex: i === tabbable ? 0 : -1, 'data-row-focus': '' })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
