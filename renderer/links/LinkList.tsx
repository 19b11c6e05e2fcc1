import { useEffect, useRef, useState } from 'react';
import type { Annotation, Link } from '../../shared/contract';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { NoteEditor } from '../notes/NoteEditor';
import { useCitation } from '../reader/useCitation';
import { useRevealClaim } from '../annotations/useRevealClaim';
import { useConnectors } from '../connectors/store';
import { counterpart, relationLabel, relationNames } from './relationLabel';

/** A claim's links, each read from this claim's side, with a jump to the other end. */
export function LinkList({ claim }: { claim: Annotation }) {
  const t = useT();
  const { state } = useWorkspace();
  const links = state.links.filter((l) => l.fromId === claim.id || l.toId === claim.id);
  return (
    <section className="inspector-section" aria-label={t('links.title')}>
      <h3>
        {t('links.title')} <span className="count">{links.length}</span>
      </h3>
      {links.length === 0 ? <p className="muted small">{t('links.none')}</p> : null}
      <ul className="link-list">
        {links.map((l) => (
          <LinkRow key={l.id} link={l} claim={claim} />
        ))}
      </ul>
    </section>
  );
}

function LinkRow({ link, claim }: { link: Link; claim: Annotation }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const reveal = useRevealClaim();
  const [noteOpen, setNoteOpen] = useState(link.noteText.length > 0);
  const otherId = counterpart(link, claim.id);
  const other = state.annotations.find((a) => a.id === otherId);
  const doc = state.documents.find((d) => d.id === other?.documentId);
  const citation = useCitation(other, doc);
  const label = relationLabel(link, claim.id, state.relations, t);
  // The link whose connector was clicked: marked and brought into view in the list.
  const chosen = useConnectors((s) => s.selectedLinkId === link.id);
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (chosen) row.current?.scrollIntoView({ block: 'nearest' });
  }, [chosen]);
  if (!other) return null;
  return (
    <li className={chosen ? 'link-row is-chosen' : 'link-row'} ref={row} aria-current={chosen ? 'true' : undefined}>
      <div className="link-head">
        <span className="relation">{label}</span>
        <button type="button" className="link-target" onClick={() => reveal(other.id)} title={t('links.follow')}>
          → {citation} <q>{other.exact.length > 90 ? `${other.exact.slice(0, 90)}…` : other.exact}</q>
        </button>
      </div>
      <div className="link-tools">
        <select
          aria-label={t('links.relation')}
          value={link.relationId}
          disabled={link.toId === claim.id}
          title={link.toId === claim.id ? t('links.changeFromSource') : undefined}
          onChange={(e) => void actions.updateLink(link.id, e.target.value)}
        >
          {state.relations.map((r) => (
            <option key={r.id} value={r.id}>
              {relationNames(r, t).name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setNoteOpen((v) => !v)} aria-expanded={noteOpen}>
          {t('links.note')}
        </button>
        <button type="button" className="icon danger" aria-label={t('links.delete')} title={t('links.delete')} onClick={() => void actions.deleteLink(link.id)}>
          ×
        </button>
      </div>
      {noteOpen ? <NoteEditor owner={{ kind: 'link', id: link.id }} label={t('links.noteLabel')} /> : null}
    </li>
  );
}
