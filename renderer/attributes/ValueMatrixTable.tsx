import type { CSSProperties } from 'react';
import type { Attribute } from '../../shared/attributes';
import { UNTAGGED } from '../browser/filters';
import { useT } from '../i18n/I18n';
import { attributeName, showValue } from './attributeLabels';
import type { ValueMatrix } from './valueMatrix';

const UNTAGGED_COLOR = '#8a8f98';
const heat = (count: number, max: number) => `${Math.round(10 + (50 * count) / Math.max(1, max))}%`;

/** Tags × the values of one attribute (tag × expert's country). A count with a value opens those claims in the browser. */
export function ValueMatrixTable({ model, attr, onShow }: { model: ValueMatrix; attr: Attribute; onShow(target: { tagId?: string; attribute?: { id: string; value: string } }): void }) {
  const t = useT();
  const label = (v: string | null) => (v === null ? t('attributes.noValue') : showValue(t, attr, v));
  return (
    <div className="matrix-wrap">
      <table className="matrix">
        <caption>{t('matrix.byAttributeCaption', { attribute: attributeName(t, attr) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matrix.tag')}</th>
            {model.values.map((v) => (
              <th key={v ?? ''} scope="col">
                <span className="matrix-doc">{label(v)}</span>
              </th>
            ))}
            <th scope="col">{t('matrix.total')}</th>
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => {
            const tagId = row.tag?.id ?? UNTAGGED;
            const tagName = row.tag?.name ?? t('claims.untagged');
            const color = row.tag?.color ?? UNTAGGED_COLOR;
            return (
              <tr key={tagId} className={row.tag ? undefined : 'matrix-untagged'}>
                <th scope="row">
                  <span className="dot" style={{ background: color }} aria-hidden="true" />
                  {tagName}
                </th>
                {row.counts.map((count, i) => {
                  const value = model.values[i]!;
                  return (
                    <td key={value ?? ''}>
                      {count > 0 && value !== null ? (
                        <button
                          type="button"
                          className="matrix-cell"
                          style={{ '--tag': color, '--heat': heat(count, model.max) } as CSSProperties}
                          aria-label={t('matrix.valueCell', { count, tag: tagName, value: label(value) })}
                          onClick={() => onShow({ tagId, attribute: { id: attr.id, value } })}
                        >
                          {count}
                        </button>
                      ) : count > 0 ? (
                        <span className="matrix-cell plain">{count}</span>
                      ) : null}
                    </td>
                  );
                })}
                <td className="matrix-total">{row.total > 0 ? row.total : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
