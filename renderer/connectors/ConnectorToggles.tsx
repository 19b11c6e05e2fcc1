import { commandSpec } from '../../shared/commands';
import { useWorkspace } from '../app/workspace';
import { formatAccelerator } from '../commands/keys';
import { useT } from '../i18n/I18n';

/**
 * The two switches in the reading row's corner: connectors shown or not, and "follow links".
 * They set the layout as the commands do (same key, same saved state).
 */
export function ConnectorToggles() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const { connectors, followLinks } = state.layout;
  const key = commandSpec('connectors.toggle').accelerator;
  const showLabel = t('connectors.show');
  return (
    <div className="connector-toggles" role="group" aria-label={t('connectors.controls')}>
      <button
        type="button"
        aria-pressed={connectors}
        title={key ? `${showLabel} (${formatAccelerator(key)})` : showLabel}
        onClick={() => actions.setPanels({ connectors: !connectors })}
      >
        <svg width="16" height="12" viewBox="0 0 16 12" aria-hidden="true">
          <path d="M1,2 C8,2 8,10 15,10" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
        {showLabel}
      </button>
      <button type="button" aria-pressed={followLinks} onClick={() => actions.setPanels({ followLinks: !followLinks })}>
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3,1 V11 M9,1 V11 M1,6 H11" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
        {t('connectors.follow')}
      </button>
    </div>
  );
}
