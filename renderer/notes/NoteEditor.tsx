import { useEffect, useRef, useState } from 'react';
import type { NoteOwner } from '../../shared/contract';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useNoteRevision } from '../history/noteRevision';
import { useT } from '../i18n/I18n';
import { useColleagueTexts } from '../team/useColleagueTexts';
import { RichTextField } from './RichTextField';

/** A claim's or a link's note, loaded from the project and saved there as the user types. */
export function NoteEditor({ owner, label }: { owner: NoteOwner; label: string }) {
  const t = useT();
  const { actions } = useWorkspace();
  const [initial, setInitial] = useState<{ json: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // An undo or redo that changed a note: load it again rather than keep (and save back) what is shown.
  const revision = useNoteRevision();
  const holder = useRef<HTMLDivElement>(null);
  const colleagues = useColleagueTexts(holder);
  const { kind, id } = owner;
  useEffect(() => {
    let alive = true;
    // The field is made again from what is loaded (its initial state is read once).
    setInitial(null);
    call('notes.get', { kind, id } as NoteOwner).then(
      (n) => alive && setInitial({ json: n.json }),
      (e: Error) => alive && setError(e.message),
    );
    return () => {
      alive = false;
    };
    // The owner's parts, not the object a parent makes anew at each render.
  }, [kind, id, revision, colleagues]);
  if (error) return <p className="pane-error">{error}</p>;
  return (
    <div ref={holder} className="note-holder">
      {initial ? (
        <RichTextField
          key={`${revision}:${colleagues}`}
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
      ) : null}
    </div>
  );
}
