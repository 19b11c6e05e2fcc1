import type { TeamStatus } from '../../shared/team';
import { useLanguage, useT } from '../i18n/I18n';

/** The connection state in words: Synced, Syncing 3 changes, Offline since 10:42… */
export function TeamState({ status }: { status: TeamStatus }) {
  const t = useT();
  const language = useLanguage();
  let text: string;
  switch (status.state) {
    case 'synced':
      text = t('team.state.synced');
      break;
    case 'syncing':
      text = status.pending > 0 ? t('team.state.syncing', { count: status.pending }) : t('team.state.syncingAll');
      break;
    case 'offline': {
      const since = status.offlineSince ? new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(status.offlineSince)) : null;
      text = since ? t('team.state.offlineSince', { time: since }) : t('team.state.offline');
      if (status.pending > 0) text += ` · ${t('team.state.pending', { count: status.pending })}`;
      break;
    }
    case 'connecting':
      text = t('team.state.connecting');
      break;
    case 'refused':
      text = t('team.state.refused');
      break;
    default:
      text = status.pending > 0 ? `${t('team.state.off')} · ${t('team.state.pending', { count: status.pending })}` : t('team.state.off');
  }
  return (
    <span className={`team-state team-${status.state}`} data-testid="team-state" data-state={status.state}>
      <span className="team-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
