import type { AgreementRow } from '../../shared/agreement-schema';
import type { UnitLevel } from '../../shared/agreement-units';
import { useLanguage, useT } from '../i18n/I18n';
import { coefficientText, percentText } from './figures';

/**
 * Figures per tag or per document at one level: percent agreement and Cohen's kappa for each pair
 * of authors, and Krippendorff's alpha of all of them; the row over everything at the foot.
 */
export function AgreementTable({ rows, overall, level, scope }: { rows: AgreementRow[]; overall: AgreementRow; level: UnitLevel; scope: 'tag' | 'document' }) {
  const t = useT();
  const language = useLanguage();
  const manyPairs = overall.pairs.length > 1;
  const body = (row: AgreementRow, head: string) =>
    row.pairs.map((p, i) => (
      <tr key={`${row.id ?? 'all'}:${p.a}:${p.b}`} className={row.documents === 0 ? 'agreement-uncoded' : undefined}>
        {i === 0 ? (
          <th scope="row" rowSpan={row.pairs.length} title={row.documents === 0 ? t('agreement.noSharedDocument') : undefined}>
            {head}
          </th>
        ) : null}
        {manyPairs ? <td>{`${p.a} – ${p.b}`}</td> : null}
        <td>{percentText(language, p[level].agreement)}</td>
        <td>{coefficientText(language, p[level].kappa)}</td>
        {i === 0 ? <td rowSpan={row.pairs.length}>{coefficientText(language, row.alpha[level])}</td> : null}
      </tr>
    ));
  return (
    <table className="agreement-table">
      <thead>
        <tr>
          <th scope="col">{scope === 'tag' ? t('agreement.tag') : t('agreement.document')}</th>
          {manyPairs ? <th scope="col">{t('agreement.pair')}</th> : null}
          <th scope="col">{t('agreement.percent')}</th>
          <th scope="col" title={t('agreement.kappaHint')}>
            {t('agreement.kappa')}
          </th>
          <th scope="col" title={t('agreement.alphaHint')}>
            {t('agreement.alpha')}
          </th>
        </tr>
      </thead>
      <tbody>{rows.map((r) => body(r, r.label))}</tbody>
      <tfoot>{body(overall, t('agreement.overall'))}</tfoot>
    </table>
  );
}
