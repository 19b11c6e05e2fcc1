import { useCallback } from 'react';
import type { AgreementFileFormat, AgreementQuery } from '../../shared/agreement-schema';
import { call, callShell, getTransport } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { download } from '../dossier/useExportDossier';
import { useLanguage, useT } from '../i18n/I18n';

/** Saves the agreement report: the desktop's save dialog and the backend writes it; browser mode downloads it. */
export function useAgreementExport(query: AgreementQuery) {
  const t = useT();
  const language = useLanguage();
  const { actions } = useWorkspace();
  return useCallback(
    (format: AgreementFileFormat) =>
      actions.guard(async () => {
        const lang = language === 'ru' ? 'ru' : 'en';
        if (getTransport().kind === 'electron') {
          const chosen = await callShell('dialog.saveFile', { defaultName: `${t('agreement.fileName')}.${format}`, format });
          if (chosen === null) return;
          if (chosen !== undefined) {
            const written = await call('agreement.write', { ...query, format, language: lang, path: chosen.path });
            actions.notify('info', t('agreement.exported', { name: written.path.split(/[\\/]/).pop() ?? '' }));
            return;
          }
        }
        const built = await call('agreement.build', { ...query, format, language: lang });
        download(built.fileName, built.mime, built.dataBase64);
        actions.notify('info', t('agreement.exported', { name: built.fileName }));
      }),
    [actions, language, query, t],
  );
}
