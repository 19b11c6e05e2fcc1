import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { FolderListing, ProjectInfo } from '../../shared/contract';
import { ApiError, call } from '../api/client';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';

/**
 * Browser mode's stand-in for the native open/save dialogs: the server lists one folder at a time
 * (sub-folders and project files, starting in the home folder) and the page picks an entry by the
 * handle the server gave it. A new project is a folder handle plus a name; the page never sends a
 * path, so it cannot name one it made up.
 */
export function ProjectBrowser({
  mode,
  onOpen,
  onCreate,
  onClose,
}: {
  mode: 'new' | 'open';
  onOpen(id: string): Promise<ProjectInfo | null | undefined>;
  onCreate(folder: string, name: string): Promise<ProjectInfo | null | undefined>;
  onClose(): void;
}) {
  const t = useT();
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('Research');
  const [find, setFind] = useState('');
  // Answers can arrive out of order while the user types; only the latest request's answer is shown.
  const latest = useRef(0);

  const show = useCallback(async (folder?: string, text = '') => {
    const request = ++latest.current;
    try {
      const found = await call('files.browse', { ...(folder === undefined ? {} : { folder }), ...(text.trim() ? { find: text } : {}) });
      if (request !== latest.current) return;
      setListing(found);
      setError(null);
    } catch (err) {
      if (request === latest.current) setError(err instanceof ApiError ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void show();
  }, [show]);

  // Finding asks the server again (a short pause after the last key), because a big folder's later entries are not in the listing at all.
  const findTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(findTimer.current), []);
  const typeFind = (text: string) => {
    setFind(text);
    clearTimeout(findTimer.current);
    const folder = listing?.folder;
    if (folder !== undefined) findTimer.current = setTimeout(() => void show(folder, text), 200);
  };

  /** Moving to another folder starts with everything in it listed. */
  const go = (folder: string) => {
    clearTimeout(findTimer.current);
    setFind('');
    void show(folder);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!listing || !name.trim()) return;
    try {
      await onCreate(listing.folder, name.trim());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <Dialog title={mode === 'new' ? t('project.pathTitleNew') : t('project.pathTitleOpen')} onClose={onClose} wide>
      <div className="dialog-body project-browser">
        <div className="browser-where">
          <button type="button" disabled={!listing?.parent} onClick={() => listing?.parent && go(listing.parent)}>
            {t('projectBrowser.up')}
          </button>
          <span className="browser-path" title={listing?.path}>
            {listing?.path ?? ''}
          </span>
        </div>
        <input
          type="search"
          className="browser-find"
          value={find}
          onChange={(e) => typeFind(e.target.value)}
          placeholder={t('projectBrowser.find')}
          aria-label={t('projectBrowser.find')}
          maxLength={200}
        />
        <ul className="browser-entries" aria-label={t('projectBrowser.entries')}>
          {listing?.entries.map((entry) => (
            <li key={entry.id}>
              {entry.kind === 'folder' ? (
                <button type="button" className="browser-folder" onClick={() => go(entry.id)}>
                  <span aria-hidden="true">▸ </span>
                  {entry.name}
                </button>
              ) : (
                <button type="button" className="browser-project" disabled={mode === 'new'} onClick={() => void onOpen(entry.id)}>
                  {entry.name}
                </button>
              )}
            </li>
          ))}
          {listing && listing.entries.length === 0 ? (
            <li className="muted small">{find.trim() ? t('projectBrowser.noMatch', { text: find.trim() }) : t('projectBrowser.empty')}</li>
          ) : null}
        </ul>
        {listing && listing.truncated > 0 ? <p className="muted small">{t('projectBrowser.truncated', { count: listing.truncated })}</p> : null}
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        {mode === 'new' ? (
          <form className="browser-new" onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span>{t('projectBrowser.name')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} data-autofocus maxLength={200} />
            </label>
            <p className="muted small">{t('projectBrowser.nameHint')}</p>
            <div className="dialog-actions">
              <span className="spacer" />
              <button type="button" onClick={onClose}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="primary" disabled={!listing || !name.trim()}>
                {t('project.create')}
              </button>
            </div>
          </form>
        ) : (
          <div className="dialog-actions">
            <span className="muted small">{t('projectBrowser.openHint')}</span>
            <span className="spacer" />
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        )}
      </div>
    </Dialog>
  );
}
