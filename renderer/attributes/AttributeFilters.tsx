import { useT } from '../i18n/I18n';
import { useClaimFilters } from '../browser/filters';
import { attributeName, showValue } from './attributeLabels';
import { useAttributes } from './AttributesContext';

/**
 * The claim browser's attribute filters: one group of toggles per attribute that has values. A
 * claim passes when its value (its own grading override, else its document's) is one of those
 * pressed; several attributes must all pass.
 */
export function AttributeFilters() {
  const t = useT();
  const { attributes, usedValues } = useAttributes();
  const { filters, setFilters } = useClaimFilters();
  const shown = attributes.map((a) => ({ a, values: usedValues(a.id) })).filter((x) => x.values.length > 0);
  if (shown.length === 0) return null;
  const toggle = (id: string, value: string) =>
    setFilters((f) => {
      const current = f.attributeValues[id] ?? [];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { ...f, attributeValues: { ...f.attributeValues, [id]: next } };
    });
  return (
    <>
      {shown.map(({ a, values }) => (
        <fieldset key={a.id} className="browser-fieldset">
          <legend>{attributeName(t, a)}</legend>
          <div className="browser-tag-toggles">
            {values.map((v) => (
              <button key={v} type="button" className="browser-tag attribute" aria-pressed={(filters.attributeValues[a.id] ?? []).includes(v)} onClick={() => toggle(a.id, v)}>
                {showValue(t, a, v)}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}
