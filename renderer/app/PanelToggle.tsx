import { formatAccelerator } from '../commands/keys';
import { commandSpec } from '../../shared/commands';

interface Props {
  command: 'sidebar.toggle' | 'inspector.toggle';
  label: string;
  shown: boolean;
  onToggle(): void;
}

/** A top-bar button that shows or hides a side column; the picture marks which side. */
export function PanelToggle({ command, label, shown, onToggle }: Props) {
  const accelerator = commandSpec(command).accelerator;
  const side = command === 'sidebar.toggle' ? 2 : 11;
  return (
    <button
      type="button"
      className="icon panel-toggle"
      aria-label={label}
      aria-pressed={shown}
      title={accelerator ? `${label} (${formatAccelerator(accelerator)})` : label}
      onClick={onToggle}
    >
      <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">
        <rect x="0.75" y="0.75" width="16.5" height="12.5" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <rect x={side} y="2.5" width="5" height="9" rx="1" fill={shown ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1" />
      </svg>
    </button>
  );
}
