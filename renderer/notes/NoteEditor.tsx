import { useEffect, useState } from 'react';
import type { NoteOwner } from '../../shared/contract';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useNoteRevision } from '../history/noteRevision';
import { useT } from '../i18n/I18n';
import { RichTextField } from './RichTextField';

/** A claim's or a link's note, loaded from the project and saved there as the user types. */
export function NoteEditor({ owner, label }: { owner: NoteOwner; label: string }) {
  const t = useT();
  const { actions } = useWorkspace();
  const [initial, setInitial] = useState<{ json: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // An undo or redo that changed a note: load it again rather than keep (and save back) what is shown.
  const revision = useNoteRevision();
  useEffect(() => {
    let alive = true;
    call('notes.get', owner).then(
      (n) => alive && setInitial({ json: n.json }),
      (e: Error) => alive && setError(e.message),
    );
    return () => {
      alive = false;
    };
  }, [owner, revision]);
  if (error) return <p className="pane-error">{error}</p>;
  if (!initial) return null;
  return (
    <RichTextField
      key={revision}
      namespace={`note-${owner.kind}-${owner.id}`}
      json={initial.json}
      label={label}
      placeholder={t('note.placeholder')}
      save={async (json, base) => {
        const { text } = await call('notes.save', { owner, json, ...(base ? { base } : {}) });
        actions.setNoteText(owner, text);
        // Clearing a note is an undo step: Undo must know it is the newest.
        if (!text.trim()) await actions.refresh('history');
      }}
      onSaveError={(message) => actions.notify('error', message)}
    />
  );
}
