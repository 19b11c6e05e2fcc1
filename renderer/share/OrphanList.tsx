import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { CandidateMatch } from './CandidateMatch';
import { useShare } from './ShareContext';

const short = (s: string, max = 160) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** Claims an import could not anchor, kept with their tags, note and author until re-attached. */
export function OrphanList() {
  const t = useT();
  const { actions } = useWorkspace();
  const share = useShare();
  const { orphans } = share.state;
  return (
    <section aria-label={t('share.orphans', { count: orphans.length })}>
      <h3>{t('share.orphans', { count: orphans.length })}</h3>
      {orphans.length === 0 ? <p className="muted">{t('share.noOrphans')}</p> : null}
      <ul className="share-list">
        {orphans.map((o) => (
          <li key={o.id} className="share-item orphan">
            <blockquote>«{short(o.exact)}»</blockquote>
            <p className="muted small">{t('share.orphanMeta', { author: o.author, file: o.sourceFile, tags: o.tags.join(', ') || '—' })}</p>
            {o.noteText ? <p className="small">{short(o.noteText)}</p> : null}
            <CandidateMatch orphan={o} />
            <div className="dialog-actions">
              <button type="button" onClick={() => share.actions.setReattach(o)}>
                {t('share.reattach')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void actions.guard(async () => {
                    await call('share.deleteOrphan', { id: o.id });
                    await share.actions.refresh();
                  })
                }
              >
                {t('common.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
