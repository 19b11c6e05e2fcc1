import { useEffect, useState } from 'react';
import type { RecentProject } from '../../shared/contract';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';

/** Shown when no project is open: the sample project first, then new/open and recent files. */
export function Welcome({ onNew, onOpen, onOpenRecent, onSettings }: { onNew(): void; onOpen(): void; onOpenRecent(id: string): void; onSettings(): void }) {
  const t = useT();
  const { actions } = useWorkspace();
  const [recent, setRecent] = useState<RecentProject[]>([]);
  useEffect(() => {
    void call('project.recent', {}).then(setRecent, () => setRecent([]));
  }, []);
  return (
    <main className="welcome">
      <div className="welcome-card">
        <h1>{t('welcome.title')}</h1>
        <p className="lead">{t('welcome.lead')}</p>
        <div className="welcome-actions">
          <button type="button" className="primary big" onClick={() => void actions.openSample()}>
            {t('welcome.sample')}
          </button>
          <p className="muted small">{t('welcome.sampleHint')}</p>
          <div className="row">
            <button type="button" onClick={onNew}>
              {t('welcome.new')}
            </button>
            <button type="button" onClick={onOpen}>
              {t('welcome.open')}
            </button>
            <span className="spacer" />
            <button type="button" onClick={onSettings}>
              {t('toolbar.settings')}
            </button>
          </div>
        </div>
        {recent.length > 0 ? (
          <section aria-label={t('welcome.recent')}>
            <h2>{t('welcome.recent')}</h2>
            <ul className="recent">
              {recent.map((r) => (
                <li key={r.path}>
                  <button type="button" disabled={!r.exists} onClick={() => onOpenRecent(r.id)}>
                    <strong>{r.name}</strong> <span className="muted small">{r.path}</span>
                    {!r.exists ? <em> — {t('welcome.missing')}</em> : null}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </main>
  );
}
