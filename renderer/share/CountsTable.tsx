import type { ShareCounts } from '../../shared/share';
import { useT } from '../i18n/I18n';

const COLUMNS = ['new', 'reanchored', 'updated', 'conflicts', 'orphans', 'deleted', 'unchanged'] as const;

/** A table of import counts, one row per document, author or kind of item. */
export function CountsTable({ caption, head, rows }: { caption: string; head: string; rows: { label: string; counts: ShareCounts }[] }) {
  const t = useT();
  return (
    <table className="share-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {t(`share.col.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            {COLUMNS.map((c) => (
              <td key={c} data-col={c} className={r.counts[c] > 0 && c !== 'unchanged' ? 'nonzero' : undefined}>
                {r.counts[c]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
