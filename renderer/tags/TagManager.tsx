import { useCallback, useState } from 'react';
import type { Tag } from '../../shared/contract';
import type { TreeRow } from '../../shared/tag-tree';
import { useWorkspace } from '../app/workspace';
import { CodebookEntry } from '../codes/CodebookEntry';
import { CodebookExport } from '../codes/CodebookExport';
import { RecodeDialog } from '../codes/RecodeDialog';
import { TagTree } from '../codes/TagTree';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { DeleteTagDialog } from './DeleteTagDialog';

/** The code system: create, rename, recolour, nest and reorder, describe, merge and delete tags; export the codebook. */
export function TagManager({ onClose, onRelations }: { onClose(): void; onRelations(): void }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#3b7dd8');
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const [recoding, setRecoding] = useState<{ kind: 'merge' | 'moveClaims'; tag: Tag } | null>(null);
  const [describing, setDescribing] = useState<string | null>(null);
  const doneDeleting = useCallback(() => setDeleting(null), []);
  const doneRecoding = useCallback(() => setRecoding(null), []);

  const renderRow = ({ tag }: TreeRow<Tag>) => (
    <>
      <div className="tag-row-fields" key={`${tag.id}-${tag.modifiedAt}`}>
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
          className="icon"
          aria-expanded={describing === tag.id}
          aria-label={t('codes.describe', { name: tag.name })}
          title={t('codes.describe', { name: tag.name })}
          onClick={() => setDescribing((d) => (d === tag.id ? null : tag.id))}
        >
          ¶
        </button>
        <button type="button" className="icon" aria-label={t('codes.merge', { name: tag.name })} title={t('codes.merge', { name: tag.name })} onClick={() => setRecoding({ kind: 'merge', tag })}>
          ⤚
        </button>
        <button
          type="button"
          className="icon"
          aria-label={t('codes.moveClaims', { name: tag.name })}
          title={t('codes.moveClaims', { name: tag.name })}
          onClick={() => setRecoding({ kind: 'moveClaims', tag })}
        >
          ⇢
        </button>
        <button type="button" className="icon danger" aria-label={t('tags.delete', { name: tag.name })} title={t('tags.delete', { name: tag.name })} onClick={() => setDeleting(tag)}>
          ×
        </button>
      </div>
      {describing === tag.id ? <CodebookEntry key={`${tag.id}-${tag.modifiedAt}`} tag={tag} /> : null}
    </>
  );

  return (
    <>
      <Dialog title={t('tags.title')} onClose={onClose} wide>
        <div className="dialog-body">
          <TagTree label={t('codes.tree')} renderRow={renderRow} wordy />
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
            <CodebookExport />
            <span className="spacer" />
            <button type="button" onClick={onRelations}>
              {t('command.relations.manage')}
            </button>
          </div>
        </div>
      </Dialog>
      {deleting ? <DeleteTagDialog tag={deleting} onDone={doneDeleting} /> : null}
      {recoding && state.tags.some((x) => x.id === recoding.tag.id) ? <RecodeDialog kind={recoding.kind} tag={recoding.tag} onDone={doneRecoding} /> : null}
    </>
  );
}
