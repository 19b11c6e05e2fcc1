import { useState, type CSSProperties, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Tag } from '../../shared/contract';
import type { TreeRow } from '../../shared/tag-tree';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { dropMove, keyboardMove, type TreeMove } from './treeMoves';
import { useCodeActions, useTagTree } from './useCodeSystem';

const KEY_MOVES: Record<string, TreeMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'in', ArrowLeft: 'out' };
const DRAG_TYPE = 'application/x-crossread-tag';

/** Which part of a row the pointer is over: its top quarter drops before, its bottom quarter after, the middle nests. */
function zoneOf(e: DragEvent<HTMLElement>): 'before' | 'inside' | 'after' {
  const box = e.currentTarget.getBoundingClientRect();
  const y = (e.clientY - box.top) / Math.max(box.height, 1);
  return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside';
}

/**
 * The code system as a tree (role="tree"): drag a tag onto another to nest it, onto an edge to
 * reorder; with the keyboard, Alt+arrows move the focused tag (↑/↓ among its siblings, → under
 * the tag above, ← out of its parent). Each row shows the tag's claim count; `children` of a row
 * (the dialog's fields and buttons) come from `renderRow`.
 */
export function TagTree({
  label,
  renderRow,
  onOpen,
  wordy,
}: {
  label: string;
  renderRow?(row: TreeRow<Tag>): ReactNode;
  onOpen?(tag: Tag): void;
  /** Counts as words ("3 claims") where there is room, rather than bare numbers. */
  wordy?: boolean;
}) {
  const t = useT();
  const { state } = useWorkspace();
  const { rows, counts } = useTagTree();
  const { move, star } = useCodeActions();
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<{ id: string; zone: 'before' | 'inside' | 'after' } | null>(null);

  const focusRow = (id: string) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-tag-row="${CSS.escape(id)}"]`)?.focus());

  const onKeyDown = async (e: KeyboardEvent<HTMLElement>, tag: Tag) => {
    if (e.target !== e.currentTarget) return;
    const moveKind = KEY_MOVES[e.key];
    if (e.altKey && moveKind) {
      e.preventDefault();
      const to = keyboardMove(state.tags, tag.id, moveKind);
      if (to && (await move(tag.id, to))) focusRow(tag.id);
      return;
    }
    if (!e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const at = rows.findIndex((r) => r.tag.id === tag.id);
      const next = rows[at + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) focusRow(next.tag.id);
    } else if (e.key === 'Enter' && onOpen) {
      e.preventDefault();
      onOpen(tag);
    }
  };

  const drop = async (e: DragEvent<HTMLElement>, targetId: string | null) => {
    e.preventDefault();
    const id = e.dataTransfer.getData(DRAG_TYPE) || dragging;
    setDragging(null);
    setOver(null);
    if (!id) return;
    const to = targetId === null ? { parentId: null, index: rows.filter((r) => r.depth === 0 && r.tag.id !== id).length } : dropMove(rows, id, targetId, zoneOf(e));
    if (to) await move(id, to);
  };

  return (
    <div className="tag-tree-wrap">
      <ul className="tag-tree" role="tree" aria-label={label}>
        {rows.map((row) => {
          const { tag } = row;
          const zone = over?.id === tag.id ? over.zone : null;
          return (
            <li
              key={tag.id}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-expanded={row.descendants.length > 0 ? true : undefined}
              aria-label={tag.name}
              tabIndex={0}
              data-tag-row={tag.id}
              draggable
              className={`tag-tree-row${zone ? ` drop-${zone}` : ''}${dragging === tag.id ? ' dragging' : ''}`}
              style={{ '--depth': row.depth, '--tag': tag.color } as CSSProperties}
              onKeyDown={(e) => void onKeyDown(e, tag)}
              onDoubleClick={onOpen ? () => onOpen(tag) : undefined}
              onDragStart={(e) => {
                e.stopPropagation();
                e.dataTransfer.setData(DRAG_TYPE, tag.id);
                e.dataTransfer.effectAllowed = 'move';
                setDragging(tag.id);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
              onDragOver={(e) => {
                if (!dragging && !e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                e.stopPropagation();
                const z = zoneOf(e);
                if (over?.id !== tag.id || over.zone !== z) setOver({ id: tag.id, zone: z });
              }}
              onDrop={(e) => {
                e.stopPropagation();
                void drop(e, tag.id);
              }}
            >
              <div className="tag-tree-line">
                <button
                  type="button"
                  className={`icon star${tag.favourite ? ' on' : ''}`}
                  aria-pressed={tag.favourite}
                  aria-label={t(tag.favourite ? 'favourites.unstar' : 'favourites.star', { name: tag.name })}
                  title={t(tag.favourite ? 'favourites.unstar' : 'favourites.star', { name: tag.name })}
                  disabled={state.project?.readOnly ?? true}
                  onClick={() => void star(tag, !tag.favourite)}
                />
                <span className="dot" aria-hidden="true" />
                <span className="tag-tree-name" title={row.path}>
                  {tag.name}
                </span>
                {wordy ? (
                  <span className="tag-tree-count">{t('codes.claims', { count: counts.get(tag.id) ?? 0 })}</span>
                ) : (
                  <span className="tag-tree-count" aria-label={t('codes.claims', { count: counts.get(tag.id) ?? 0 })}>
                    {counts.get(tag.id) ?? 0}
                  </span>
                )}
              </div>
              {renderRow ? renderRow(row) : null}
            </li>
          );
        })}
      </ul>
      {dragging ? (
        <div
          className={`tag-tree-top${over?.id === '' ? ' drop-inside' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver({ id: '', zone: 'inside' });
          }}
          onDrop={(e) => void drop(e, null)}
        >
          {t('codes.dropTop')}
        </div>
      ) : null}
      <p className="muted small">{t('codes.treeHint')}</p>
    </div>
  );
}
