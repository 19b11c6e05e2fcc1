import type { AgreementRow } from '../../shared/agreement-schema';
import type { UnitLevel } from '../../shared/agreement-units';
import { useLanguage, useT } from '../i18n/I18n';
import { coefficientText, percentText } from './figures';

/**
 * Figures per tag or per document at one level: percent agreement and Cohen's kappa for each pair
 * of authors, and Krippendorff's alpha of all of them; the row over everything at the foot. With
 * more than one pair, each tag or document heads a group of pair rows and carries the alpha: four
 * columns either way, so the table fits a narrow view pane.
 */
export function AgreementTable({ rows, overall, level, scope }: { rows: AgreementRow[]; overall: AgreementRow; level: UnitLevel; scope: 'tag' | 'document' }) {
  const t = useT();
  const language = useLanguage();
  const grouped = overall.pairs.length > 1;
  const uncoded = (row: AgreementRow) => (row.documents === 0 ? 'agreement-uncoded' : undefined);
  const hint = (row: AgreementRow) => (row.documents === 0 ? t('agreement.noSharedDocument') : undefined);
  const body = (row: AgreementRow, head: string) => {
    const key = row.id ?? 'all';
    if (!grouped) {
      const p = row.pairs[0];
      return (
        <tr key={key} className={uncoded(row)}>
          <th scope="row" title={hint(row)}>
            {head}
          </th>
          <td>{percentText(language, p ? p[level].agreement : null)}</td>
          <td>{coefficientText(language, p ? p[level].kappa : null)}</td>
          <td>{coefficientText(language, row.alpha[level])}</td>
        </tr>
      );
    }
    return [
      <tr key={key} className={`agreement-group ${uncoded(row) ?? ''}`}>
        <th scope="rowgroup" colSpan={3} title={hint(row)}>
          {head}
        </th>
        <td>{coefficientText(language, row.alpha[level])}</td>
      </tr>,
      ...row.pairs.map((p) => (
        <tr key={`${key}:${p.a}:${p.b}`} className={uncoded(row)}>
          <th scope="row" className="agreement-pair">{`${p.a} – ${p.b}`}</th>
          <td>{percentText(language, p[level].agreement)}</td>
          <td>{coefficientText(language, p[level].kappa)}</td>
          <td />
        </tr>
      )),
    ];
  };
  return (
    <div className="agreement-table-wrap">
      <table className="agreement-table">
        <thead>
          <tr>
            <th scope="col">{scope === 'tag' ? t('agreement.tag') : t('agreement.document')}</th>
            {/* Symbols keep the columns narrow; the full names are the headers' accessible names. */}
            <th scope="col" aria-label={t('agreement.percent')} title={t('agreement.percent')}>
              %
            </th>
            <th scope="col" aria-label={t('agreement.kappa')} title={`${t('agreement.kappa')}: ${t('agreement.kappaHint')}`}>
              κ
            </th>
            <th scope="col" aria-label={t('agreement.alpha')} title={`${t('agreement.alpha')}: ${t('agreement.alphaHint')}`}>
              α
            </th>
          </tr>
        </thead>
        <tbody>{rows.map((r) => body(r, r.label))}</tbody>
        <tfoot>{body(overall, t('agreement.overall'))}</tfoot>
      </table>
    </div>
  );
}
