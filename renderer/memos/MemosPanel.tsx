import { useEffect } from 'react';
import type { MemoOwner } from '../../shared/contract';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { MemoEditor } from './MemoEditor';
import { memosOf, openMemo, refreshMemos, sameOwner, useMemos } from './memoStore';
import { useMemoTitle } from './useMemoTitle';

/** The Memos tab: the project memo and every written document or tag memo; an open memo takes the tab's whole height. */
export function MemosPanel() {
  const t = useT();
  const title = useMemoTitle();
  const { state, actions } = useWorkspace();
  const { memos, open } = useMemos();
  const projectPath = state.project?.path ?? null;
  useEffect(() => {
    memosOf(projectPath);
    if (projectPath) void refreshMemos().catch((e: Error) => actions.notify('error', e.message));
  }, [projectPath, actions]);
  // Deleting a document or tag hides its memo; undoing that brings it back.
  useEffect(() => {
    if (projectPath) void refreshMemos().catch(() => undefined);
  }, [projectPath, state.documents, state.tags]);

  const written = (owner: MemoOwner) => memos.find((m) => sameOwner(m.owner, owner));
  const project = written({ kind: 'project' });
  const others = memos.filter((m) => m.owner.kind !== 'project');
  const freeDocuments = state.documents.filter((d) => !written({ kind: 'document', id: d.id }));
  const freeTags = state.tags.filter((g) => !written({ kind: 'tag', id: g.id }));

  const newMemo = (value: string) => {
    const [kind, id] = value.split(':');
    if ((kind === 'document' || kind === 'tag') && id) openMemo({ kind, id });
  };

  return (
    <section className="sidebar-section memos" role="region" aria-label={t('memos.title')}>
      <h2>{t('memos.title')}</h2>
      {open ? <MemoEditor key={open.kind === 'project' ? 'project' : `${open.kind}-${open.id}`} owner={open} /> : null}
      <ul hidden={!!open} className="memo-list" aria-label={t('memos.list')}>
        <li>
          <button type="button" onClick={() => openMemo({ kind: 'project' })}>
            <strong>{t('memos.project')}</strong>
            <span className="memo-snippet muted small">{project ? project.text : t('memos.empty')}</span>
          </button>
        </li>
        {others.map((m) => (
          <li key={`${m.owner.kind}-${m.owner.kind === 'project' ? '' : m.owner.id}`}>
            <button type="button" onClick={() => openMemo(m.owner)}>
              <strong>{title(m.owner)}</strong>
              <span className="memo-snippet muted small">{m.text}</span>
            </button>
          </li>
        ))}
      </ul>
      {state.project?.readOnly || open ? null : (
        <select className="memo-new" aria-label={t('memos.new')} value="" onChange={(e) => newMemo(e.target.value)}>
          <option value="">{t('memos.new')}</option>
          {freeDocuments.length > 0 ? (
            <optgroup label={t('memos.documents')}>
              {freeDocuments.map((d) => (
                <option key={d.id} value={`document:${d.id}`}>
                  {d.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {freeTags.length > 0 ? (
            <optgroup label={t('memos.tags')}>
              {freeTags.map((g) => (
                <option key={g.id} value={`tag:${g.id}`}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      )}
    </section>
  );
}
