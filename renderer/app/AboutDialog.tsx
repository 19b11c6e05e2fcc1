import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import { call } from '../api/client';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { useWorkspace } from './workspace';

/** Version, the versions of the parts (for bug reports), and where the app folder and log file are. */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { actions } = useWorkspace();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void actions.guard(() => call('app.info', {})).then((i) => setInfo(i ?? null));
  }, [actions]);
  const browserMode = t('about.browserMode');
  return (
    <Dialog title={t('about.title')} onClose={onClose}>
      <div className="dialog-body about">
        {info ? (
          <>
            <p>{t('about.version', { version: info.version })}</p>
            <table aria-label={t('about.versions')}>
              <tbody>
                <tr><th scope="row">{t('about.electron')}</th><td>{info.versions.electron ?? browserMode}</td></tr>
                <tr><th scope="row">{t('about.chrome')}</th><td>{info.versions.chrome ?? browserMode}</td></tr>
                <tr><th scope="row">{t('about.node')}</th><td>{info.versions.node}</td></tr>
                <tr><th scope="row">{t('about.sqlite')}</th><td>{info.versions.sqlite}</td></tr>
                <tr><th scope="row">{t('about.dataDir')}</th><td className="path">{info.dataDir}</td></tr>
                <tr><th scope="row">{t('about.logFile')}</th><td className="path">{info.logFile ?? t('about.noLogFile')}</td></tr>
              </tbody>
            </table>
          </>
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </div>
    </Dialog>
  );
}
