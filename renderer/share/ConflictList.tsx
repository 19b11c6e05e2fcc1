import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useShare } from './ShareContext';

/** Items both sides changed: the newer version is in use, the other kept here to swap back. */
export function ConflictList() {
  const t = useT();
  const { actions } = useWorkspace();
  const share = useShare();
  const { conflicts } = share.state;
  const resolve = (id: number, choice: 'keep' | 'swap') =>
    void actions.guard(async () => {
      await call('share.resolveConflict', { id, choice });
      await actions.refresh('tags', 'annotations', 'links', 'documents', 'relations');
      await share.actions.refresh();
    });
  return (
    <section aria-label={t('share.conflicts', { count: conflicts.length })}>
      <h3>{t('share.conflicts', { count: conflicts.length })}</h3>
      {conflicts.length === 0 ? <p className="muted">{t('share.noConflicts')}</p> : null}
      <ul className="share-list">
        {conflicts.map((c) => {
          // The version in use is mine unless mine was the one that lost.
          const mine = c.losingSide === 'theirs' ? c.current : c.losing;
          const theirs = c.losingSide === 'theirs' ? c.losing : c.current;
          const mineInUse = c.losingSide === 'theirs';
          return (
            <li key={c.id} className="share-item conflict">
              <strong>{t(`share.conflictKind.${c.itemKind}`)}</strong>
              <dl>
                <dt>
                  {t('share.mine')} {mineInUse ? <span className="badge">{t('share.inUse')}</span> : null}
                </dt>
                <dd>{mine}</dd>
                <dt>
                  {t('share.theirs', { file: c.sourceFile })} {!mineInUse ? <span className="badge">{t('share.inUse')}</span> : null}
                </dt>
                <dd>{theirs}</dd>
              </dl>
              <div className="dialog-actions">
                <button type="button" onClick={() => resolve(c.id, 'keep')}>
                  {mineInUse ? t('share.keepMine') : t('share.keepTheirs')}
                </button>
                {c.canSwap ? (
                  <button type="button" onClick={() => resolve(c.id, 'swap')}>
                    {mineInUse ? t('share.takeTheirs') : t('share.takeMine')}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
