import { useEffect, useState } from 'react';
import type { DocumentMeta } from '../../shared/contract';
import { useWorkspace } from '../app/workspace';
import { ArrangeDocuments } from '../attributes/ArrangeDocuments';
import { attributeName, showValue } from '../attributes/attributeLabels';
import { DocumentValues } from '../attributes/DocumentValues';
import { useDocumentArrangement } from '../attributes/useDocumentArrangement';
import { useT } from '../i18n/I18n';
import { useRecordRequests } from '../search/recordStore';
import { DocumentDetailsDialog } from './DocumentDetailsDialog';

export function DocumentList() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const [editing, setEditing] = useState<string | null>(null);
  // A search hit in an attribute value opens its document's details here.
  const { details, doneDetails } = useRecordRequests();
  useEffect(() => {
    if (!details) return;
    setEditing(details.documentId);
    doneDetails();
  }, [details, doneDetails]);
  const arrangement = useDocumentArrangement(state.documents);
  const open = new Set(state.layout.panes.map((p) => p.documentId));
  const counts = new Map<string, number>();
  for (const a of state.annotations) counts.set(a.documentId, (counts.get(a.documentId) ?? 0) + 1);
  const editingDoc = state.documents.find((d) => d.id === editing);
  const item = (d: DocumentMeta) => (
    <li key={d.id} className={open.has(d.id) ? 'open' : undefined}>
      <button type="button" className="doc-open" aria-label={t('documents.open', { title: d.title })} onClick={() => actions.openDocument(d.id)}>
        <span className="doc-title">{d.title}</span>
        <span className="doc-meta">
          {[d.outlet, d.date ?? t('documents.noDate')].filter(Boolean).join(' · ')}
          {counts.get(d.id) ? ` · ${counts.get(d.id)}` : ''}
        </span>
        <DocumentValues documentId={d.id} skip={arrangement.groupBy} />
      </button>
      <button type="button" className="icon" aria-label={t('documents.edit', { title: d.title })} title={t('documents.edit', { title: d.title })} onClick={() => setEditing(d.id)}>
        ✎
      </button>
    </li>
  );
  const group = arrangement.groupAttr;
  return (
    <section className="sidebar-section documents" role="region" aria-label={t('documents.title')}>
      <h2>
        {t('documents.title')} <span className="count">{state.documents.length}</span>
      </h2>
      {state.documents.length === 0 ? <p className="muted small">{t('documents.empty')}</p> : null}
      {state.documents.length > 0 ? (
        <ArrangeDocuments sortBy={arrangement.sortBy} groupBy={arrangement.groupBy} onSort={arrangement.setSortBy} onGroup={arrangement.setGroupBy} />
      ) : null}
      {group ? (
        arrangement.groups.map((g) => (
          <div key={g.value ?? ''} className="doc-group" role="group" aria-label={`${attributeName(t, group)}: ${g.value === undefined ? t('attributes.noValue') : showValue(t, group, g.value)}`}>
            <h3 className="doc-group-head">
              {g.value === undefined ? t('attributes.noValue') : showValue(t, group, g.value)} <span className="count">{g.documents.length}</span>
            </h3>
            <ul>{g.documents.map(item)}</ul>
          </div>
        ))
      ) : (
        <ul>{arrangement.groups[0]!.documents.map(item)}</ul>
      )}
      {editingDoc ? <DocumentDetailsDialog doc={editingDoc} claimCount={counts.get(editingDoc.id) ?? 0} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
