import type { CSSProperties, MouseEvent } from 'react';
import { pageAt } from '../../shared/pages';
import { useT } from '../i18n/I18n';
import { useDocumentText } from '../reader/useDocumentText';
import { AnchorBadge } from '../share/AnchorBadge';
import { startClaimDrag } from '../hypotheses/claimDrag';
import type { ClaimRow } from './claimRows';
import type { RowFocusProps } from './VirtualList';

/** Fixed, because the list is virtualised: the CSS clamps every part of a row to fit (styles.css). */
export const ROW_HEIGHT = 116;

const QUOTE_CHARS = 160;
const NOTE_CHARS = 100;

function excerpt(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** One claim in the browser: tags, quote, note, and where it comes from. A click is the browser's to read (open, or pick with a modifier). */
export function ClaimRowView({ row, onClick, focus }: { row: ClaimRow; onClick(e: MouseEvent, id: string): void; focus: RowFocusProps }) {
  const t = useT();
  const a = row.annotation;
  const doc = row.document;
  // Only a PDF has pages; its text and page map are fetched once per session and shared by its rows.
  const { pageStarts } = useDocumentText(doc?.format === 'pdf' ? doc.id : '');
  const page = pageAt(pageStarts, a.start);
  const meta = [
    doc ? doc.outlet || doc.title : '',
    page > 0 ? t('pages.rule', { page }) : '',
    row.date ?? t('documents.noDate'),
    row.linkCount === 1 ? t('browser.linkOne') : row.linkCount > 1 ? t('browser.links', { count: row.linkCount }) : '',
    a.author,
  ].filter(Boolean);
  return (
    <button
      type="button"
      className="claim-row"
      draggable
      onDragStart={(e) => startClaimDrag(e, a.id)}
      onMouseDown={(e) => {
        // Shift+click picks a range of rows, not a run of the page's text; the row still takes focus.
        if (!e.shiftKey) return;
        e.preventDefault();
        e.currentTarget.focus();
      }}
      onClick={(e) => onClick(e, a.id)}
      {...focus}
    >
      <span className="claim-tags">
        {row.tags.length === 0 ? <span className="chip untagged">{t('claims.untagged')}</span> : null}
        {row.tags.map((tag) => (
          <span key={tag.id} className="chip" style={{ '--tag': tag.color } as CSSProperties}>
            {tag.name}
          </span>
        ))}
      </span>
      <span className="claim-quote">«{excerpt(a.exact, QUOTE_CHARS)}»</span>
      {a.noteText.trim() ? <span className="claim-note">{excerpt(a.noteText, NOTE_CHARS)}</span> : null}
      <span className="claim-meta">
        <AnchorBadge id={a.id} />
        {meta.join(' · ')}
      </span>
    </button>
  );
}
