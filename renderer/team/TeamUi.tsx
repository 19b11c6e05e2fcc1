import { useT } from '../i18n/I18n';
import { PeerSelections } from './PeerSelections';
import { ShareLiveDialog } from './ShareLiveDialog';
import { TeamState } from './TeamState';
import { useTeamStore } from './store';
import { useTeamSync } from './useTeamSync';

/** How many colleagues are named in the bar; the rest are counted. */
const SHOWN_PEERS = 4;

/**
 * Live team work in the window: the connection state, always visible in the top bar once the
 * project is shared (a click opens Share live…), who else is online, their selections in the
 * panes, and the dialog.
 */
export function TeamUi() {
  const t = useT();
  useTeamSync();
  const status = useTeamStore((s) => s.status);
  const dialog = useTeamStore((s) => s.dialog);
  const openDialog = useTeamStore((s) => s.openDialog);
  const shared = status.state !== 'off' || status.server !== null;
  const peers = status.peers;
  return (
    <>
      {shared ? (
        <button type="button" className="team-pill" title={t('team.title')} onClick={openDialog}>
          <TeamState status={status} />
        </button>
      ) : null}
      {peers.length > 0 ? (
        <span className="team-peers" aria-label={t('team.online', { count: peers.length })} data-testid="team-peers">
          {peers.slice(0, SHOWN_PEERS).map((p, i) => (
            <span key={`${p.id}:${i}`} className="team-peer" title={p.name}>
              <span className="team-peer-dot" style={{ background: p.color }} aria-hidden="true" />
              {p.name}
            </span>
          ))}
          {peers.length > SHOWN_PEERS ? <span className="team-peer muted">+{peers.length - SHOWN_PEERS}</span> : null}
        </span>
      ) : null}
      <PeerSelections peers={peers} />
      {dialog ? <ShareLiveDialog /> : null}
    </>
  );
}
