import { useState } from 'react';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { DocumentDetailsDialog } from './DocumentDetailsDialog';

export function DocumentList() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const [editing, setEditing] = useState<string | null>(null);
  const open = new Set(state.layout.panes.map((p) => p.documentId));
  const counts = new Map<string, number>();
  for (const a of state.annotations) counts.set(a.documentId, (counts.get(a.documentId) ?? 0) + 1);
  const editingDoc = state.documents.find((d) => d.id === editing);
  return (
    <section className="sidebar-section documents" role="region" aria-label={t('documents.title')}>
      <h2>
        {t('documents.title')} <span className="count">{state.documents.length}</span>
      </h2>
      {state.documents.length === 0 ? <p className="muted small">{t('documents.empty')}</p> : null}
      <ul>
        {state.documents.map((d) => (
          <li key={d.id} className={open.has(d.id) ? 'open' : undefined}>
            <button type="button" className="doc-open" aria-label={t('documents.open', { title: d.title })} onClick={() => actions.openDocument(d.id)}>
              <span className="doc-title">{d.title}</span>
              <span className="doc-meta">
                {[d.outlet, d.date ?? t('documents.noDate')].filter(Boolean).join(' · ')}
                {counts.get(d.id) ? ` · ${counts.get(d.id)}` : ''}
              </span>
            </button>
            <button type="button" className="icon" aria-label={t('documents.edit', { title: d.title })} title={t('documents.edit', { title: d.title })} onClick={() => setEditing(d.id)}>
              ✎
            </button>
          </li>
        ))}
      </ul>
      {editingDoc ? <DocumentDetailsDialog doc={editingDoc} claimCount={counts.get(editingDoc.id) ?? 0} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
