import { useCallback, useState } from 'react';
import type { Tag } from '../../shared/contract';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { DeleteTagDialog } from './DeleteTagDialog';

/** Create, rename, recolour and delete tags. */
export function TagManager({ onClose, onRelations }: { onClose(): void; onRelations(): void }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#3b7dd8');
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const doneDeleting = useCallback(() => setDeleting(null), []);
  return (
    <>
    <Dialog title={t('tags.title')} onClose={onClose}>
      <div className="dialog-body">
        <ul className="tag-rows">
          {state.tags.map((tag) => (
            <li key={`${tag.id}-${tag.modifiedAt}`}>
              <input
                type="color"
                defaultValue={tag.color}
                aria-label={t('tags.color', { name: tag.name })}
                onChange={(e) => void actions.updateTag(tag.id, { color: e.target.value })}
              />
              <input
                type="text"
                defaultValue={tag.name}
                maxLength={80}
                aria-label={t('tags.name', { name: tag.name })}
                onBlur={async (e) => {
                  const input = e.target;
                  const next = input.value.trim();
                  // A refused rename (the name is taken) puts the real name back in the field.
                  if (!next || next === tag.name || !(await actions.updateTag(tag.id, { name: next }))) input.value = tag.name;
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                }}
              />
              <button
                type="button"
                className="icon danger"
                aria-label={t('tags.delete', { name: tag.name })}
                title={t('tags.delete', { name: tag.name })}
                onClick={() => setDeleting(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="tag-add"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!name.trim()) return;
            if (await actions.createTag(name.trim(), color)) setName('');
          }}
        >
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} aria-label={t('tags.color', { name: name || '…' })} />
          <input type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder={t('tags.newName')} aria-label={t('tags.newName')} />
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('tags.add')}
          </button>
        </form>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={onRelations}>
            {t('command.relations.manage')}
          </button>
        </div>
      </div>
    </Dialog>
    {deleting ? <DeleteTagDialog tag={deleting} onDone={doneDeleting} /> : null}
    </>
  );
}
