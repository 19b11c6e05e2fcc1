import { useState } from 'react';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const [author, setAuthor] = useState(state.settings.author);
  return (
    <Dialog title={t('settings.title')} onClose={onClose}>
      <form
        className="dialog-body"
        onSubmit={async (e) => {
          e.preventDefault();
          await actions.updateSettings({ author: author.trim() || state.settings.author });
          onClose();
        }}
      >
        <label className="field">
          <span>{t('settings.language')}</span>
          <select value={state.settings.language} onChange={(e) => void actions.updateSettings({ language: e.target.value as 'en' | 'ru' })}>
            <option value="en">English</option>
            <option value="ru">Русский</option>
          </select>
        </label>
        <label className="field">
          <span>{t('settings.author')}</span>
          <input value={author} maxLength={120} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
