import type { GroupCell, Rating } from '../../shared/hypotheses';
import { useT } from '../i18n/I18n';

/** Disagreement 0 … 2 as a shading step 0 … 4, so the team sees at a glance which cells to discuss. */
const shade = (spread: number) => Math.min(4, Math.round(spread * 2));

/** One cell of the matrix: a rating (mine or a colleague's), a suggested one, or every analyst's in the group view. */
export function RatingCell(props: {
  at: string;
  active: boolean;
  rating: Rating | undefined;
  suggestion: Rating | undefined;
  rationale: string;
  group: GroupCell | null;
  authors: readonly string[];
  label: string;
  onFocus(): void;
}) {
  const t = useT();
  const { at, active, rating, suggestion, rationale, group, authors, label, onFocus } = props;
  const classes = ['hyp-cell', rating ? `r-${rating}` : '', group ? `spread-${shade(group.disagreement)}` : ''].filter(Boolean).join(' ');
  const title = group
    ? [...group.byAuthor.map((r, i) => `${authors[i]}: ${r ?? '—'}`), t('hyp.group.spread', { spread: group.disagreement.toFixed(2) })].join('\n')
    : rationale || (suggestion && !rating ? t('hyp.suggested', { rating: suggestion }) : undefined);
  return (
    <div
      className={classes}
      data-cell={at}
      role="gridcell"
      tabIndex={active ? 0 : -1}
      aria-label={`${label}: ${rating ?? t('hyp.blank')}`}
      aria-selected={active}
      title={title}
      onFocus={onFocus}
      onMouseDown={onFocus}
    >
      {group ? (
        <span className="hyp-group">
          <span className="hyp-consensus">{group.consensus ?? ''}</span>
          <span className="hyp-each">{group.byAuthor.map((r) => r ?? '·').join(' ')}</span>
        </span>
      ) : rating ? (
        <span className="hyp-rating">{rating}</span>
      ) : suggestion ? (
        <span className="hyp-suggestion">{suggestion}?</span>
      ) : null}
      {rationale && !group ? <span className="hyp-has-note" aria-hidden>•</span> : null}
    </div>
  );
}
