import { useEffect } from 'react';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useRecordRequests } from './recordStore';

const FIELDS = [
  ['definition', 'codes.definition'],
  ['useWhen', 'codes.useWhen'],
  ['avoidWhen', 'codes.avoidWhen'],
  ['example', 'codes.example'],
] as const;

/**
 * The tag a codebook hit asked for, in the Codes tab: its row in the tree gets the focus (and so
 * scrolls into view), and its codebook entry is shown under the tree until it is closed.
 */
export function FoundTag() {
  const t = useT();
  const { state } = useWorkspace();
  const request = useRecordRequests((s) => s.tag);
  const clear = useRecordRequests((s) => s.clearTag);
  const tag = request ? state.tags.find((x) => x.id === request.tagId) : undefined;
  useEffect(() => {
    if (!request) return;
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-tag-row="${CSS.escape(request.tagId)}"]`)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [request]);
  if (!tag) return null;
  return (
    <section className="found-tag" aria-label={t('records.found', { name: tag.name })}>
      <h3>
        {t('records.found', { name: tag.name })}
        <button type="button" className="icon" aria-label={t('common.close')} title={t('common.close')} onClick={clear}>
          ×
        </button>
      </h3>
      <dl>
        {FIELDS.filter(([key]) => tag[key]).map(([key, label]) => (
          <div key={key}>
            <dt>{t(label)}</dt>
            <dd>{tag[key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
