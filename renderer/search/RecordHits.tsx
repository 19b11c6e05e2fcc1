import type { RecordHit } from '../../shared/search-records';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useRecordRequests } from './recordStore';

const FIELD_LABELS = { definition: 'codes.definition', useWhen: 'codes.useWhen', avoidWhen: 'codes.avoidWhen', example: 'codes.example' } as const;

/**
 * Search hits in documents' attribute values and in the codebook, each with where it is: a value
 * opens its document's details, a codebook entry shows its tag in the Codes tab.
 */
export function RecordHits({ hits }: { hits: RecordHit[] }) {
  const t = useT();
  const { showDetails, showTag } = useRecordRequests();
  const { state } = useWorkspace();
  // Named as the search groups name documents: by outlet, which is short, else by title.
  const documentName = (id: string, title: string) => {
    const doc = state.documents.find((d) => d.id === id);
    return doc ? doc.outlet || doc.title : title;
  };
  const values = hits.filter((h) => h.kind === 'attribute');
  const codebook = hits.filter((h) => h.kind === 'codebook');
  const line = (h: RecordHit) => (
    <>
      …{h.before}
      <mark>{h.match}</mark>
      {h.after}…
    </>
  );
  return (
    <>
      {values.length > 0 ? (
        <div className="search-group record-hits">
          <h3>{t('records.valueHits', { count: values.length })}</h3>
          <ul>
            {values.map((h) => (
              <li key={`${h.documentId}-${h.attributeId}-${h.before.length}`}>
                <button type="button" onClick={() => showDetails(h.documentId)}>
                  <span className="muted small">{t('records.valueWhere', { attribute: h.attributeName, title: documentName(h.documentId, h.documentTitle) })}</span> {line(h)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {codebook.length > 0 ? (
        <div className="search-group record-hits">
          <h3>{t('records.codebookHits', { count: codebook.length })}</h3>
          <ul>
            {codebook.map((h) => (
              <li key={`${h.tagId}-${h.field}-${h.before.length}`}>
                <button type="button" onClick={() => showTag(h.tagId)}>
                  <span className="muted small">{t('records.codebookWhere', { name: h.tagName, field: t(FIELD_LABELS[h.field]) })}</span> {line(h)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
