import { useEffect, useState, type ReactNode } from 'react';
import { checkAccess } from '../api/transport';
import { I18nProvider, useT } from '../i18n/I18n';

/**
 * Browser mode answers only the address it printed (with its access token). Without a valid token
 * the page shows one thing: how to get that address. No welcome screen behind it and no error
 * toast, since nothing else on the page could work.
 */
export function AccessGate({ children }: { children: ReactNode }) {
  const [access, setAccess] = useState<'checking' | 'ok' | 'denied' | 'down'>('checking');
  useEffect(() => {
    void checkAccess().then(setAccess);
  }, []);
  // Pasting the right address into this tab only changes the fragment, which loads nothing: start over.
  useEffect(() => {
    if (access !== 'denied' && access !== 'down') return;
    const onHash = () => {
      if (/token=/.test(window.location.hash)) window.location.reload();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [access]);
  if (access === 'checking') return null;
  if (access === 'ok') return <>{children}</>;
  // Settings cannot be read without access, so the browser's own language chooses.
  const language = navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
  return (
    <I18nProvider language={language}>
      <TokenPage down={access === 'down'} />
    </I18nProvider>
  );
}

function TokenPage({ down }: { down: boolean }) {
  const t = useT();
  useEffect(() => {
    document.title = t('access.title');
  }, [t]);
  return (
    <main className="access-page">
      <div className="welcome-card">
        <h1>{t('access.title')}</h1>
        <p className="lead">{down ? t('access.down') : t('access.lead')}</p>
        <ol className="access-steps">
          <li>{t('access.step1')}</li>
          <li>{t('access.step2')}</li>
          <li>{t('access.step3')}</li>
        </ol>
        <p className="muted small">{t('access.why')}</p>
      </div>
    </main>
  );
}
