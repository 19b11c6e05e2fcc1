/**
 * Every user command, as data: one definition feeds the desktop menu, the keyboard shortcuts and
 * the command palette. Behaviour lives in the renderer (renderer/commands); the shell only sends
 * the id of a menu command to the page.
 */
export interface CommandSpec {
  id: string;
  /** English label for the desktop menu; the renderer shows its own translation (`command.<id>`). */
  label: string;
  /** Electron accelerator syntax; the renderer matches the same string against key events. */
  accelerator?: string;
  /** Extra shortcuts the renderer also answers (not shown in the menu). */
  alsoKeys?: readonly string[];
  /** Where the desktop menu shows it; commands without one live in the palette and shortcuts only. */
  menu?: 'file' | 'edit' | 'view' | 'help' | 'settings';
  /**
   * Running it leaves link mode on. Every other command ends link mode: these few are how the
   * other end of a link is found (or start link mode themselves).
   */
  keepsLinkMode?: boolean;
}

export const COMMANDS = [
  { id: 'project.new', label: 'New Project…', accelerator: 'CmdOrCtrl+N', menu: 'file' },
  { id: 'project.open', label: 'Open Project…', accelerator: 'CmdOrCtrl+O', menu: 'file' },
  { id: 'project.openSample', label: 'Open Sample Project', menu: 'file' },
  { id: 'project.switch', label: 'Switch Project…', menu: 'file' },
  // No accelerator: Ctrl+I is italic in notes.
  { id: 'documents.import', label: 'Import Documents…', menu: 'file' },
  { id: 'tags.manage', label: 'Manage Tags…', menu: 'file' },
  { id: 'relations.manage', label: 'Link Types…', menu: 'file' },
  { id: 'dossier.export', label: 'Export Dossier…', accelerator: 'Shift+CmdOrCtrl+E', menu: 'file' },
  { id: 'share.export', label: 'Export Annotations…', menu: 'file' },
  { id: 'share.import', label: 'Import Annotations…', menu: 'file' },
  { id: 'share.review', label: 'Orphans and Conflicts…', menu: 'file' },
  { id: 'settings.open', label: 'Settings', accelerator: 'CmdOrCtrl+,', menu: 'settings' },
  { id: 'edit.undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', menu: 'edit' },
  { id: 'edit.redo', label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', alsoKeys: ['CmdOrCtrl+Y'], menu: 'edit' },
  { id: 'palette.open', label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', alsoKeys: ['Shift+CmdOrCtrl+P'], menu: 'view' },
  { id: 'search.open', label: 'Search…', accelerator: 'Shift+CmdOrCtrl+F', menu: 'view', keepsLinkMode: true },
  { id: 'matrix.open', label: 'Tag × Document Matrix', accelerator: 'Shift+CmdOrCtrl+M', menu: 'view' },
  { id: 'claims.focus', label: 'Claim Browser', accelerator: 'Shift+CmdOrCtrl+B', menu: 'view', keepsLinkMode: true },
  { id: 'claim.link', label: 'Link Selected Claim…', accelerator: 'L', keepsLinkMode: true },
  { id: 'claim.delete', label: 'Delete Selected Claim', accelerator: 'Delete' },
  { id: 'app.about', label: 'About Crossread', menu: 'help' },
  // desktop (issue 7)
  { id: 'backups.manage', label: 'Backups…', menu: 'file' },
  // Re-reads the open project: after another program (the CLI, a file association) changed or opened it.
  { id: 'project.reload', label: 'Reload Project' },
  // Narrow screens: the reading panes get the width back.
  { id: 'sidebar.toggle', label: 'Show or Hide Sidebar', accelerator: 'CmdOrCtrl+\\', menu: 'view' },
  { id: 'inspector.toggle', label: 'Show or Hide Claim Inspector', accelerator: 'Shift+CmdOrCtrl+\\', menu: 'view' },
  // Outside a text field only: in a note, Ctrl+Shift+V stays the browser's paste without formatting.
  // So the key is the page's alone (alsoKeys): a native menu accelerator would take it from notes too.
  { id: 'documents.paste', label: 'Paste as New Document…', alsoKeys: ['Shift+CmdOrCtrl+V'], menu: 'edit' },
  // Opens (or closes) the Agreement view in the view pane.
  { id: 'agreement.open', label: 'Intercoder Agreement', menu: 'view' },
  // REFI-QDA exchange with ATLAS.ti, MAXQDA, NVivo, QualCoder.
  { id: 'refi.export', label: 'Export REFI-QDA Project…', menu: 'file' },
  { id: 'refi.import', label: 'Import REFI-QDA Project…', menu: 'file' },
  // Opens the claim graph in the view pane; the key again closes it. It keeps link mode: a node's click picks the other end.
  { id: 'graph.open', label: 'Claim Graph', accelerator: 'Shift+CmdOrCtrl+G', menu: 'view', keepsLinkMode: true },
  { id: 'view.hypotheses', label: 'Competing Hypotheses', accelerator: 'Shift+CmdOrCtrl+H', menu: 'view' },
  // Alt: Ctrl+Shift+T is the browser's own "reopen tab" in browser mode.
  { id: 'view.timeline', label: 'Timeline', accelerator: 'Alt+Shift+T', menu: 'view' },
  { id: 'connectors.toggle', label: 'Show or Hide Links Between Panes', accelerator: 'Shift+CmdOrCtrl+L', menu: 'view', keepsLinkMode: true },
  { id: 'followLinks.toggle', label: 'Follow Links While Scrolling', menu: 'view', keepsLinkMode: true },
  // Live team work: the server address and token, the connection, Disconnect.
  { id: 'team.shareLive', label: 'Share Live…', menu: 'file' },
  // The keyboard's way to the connectors: focus goes to the selected claim's first one, arrows walk them.
  { id: 'connectors.focus', label: 'Go to the Selected Claim’s Links Between Panes', accelerator: 'Alt+Shift+L', menu: 'view', keepsLinkMode: true },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

/** Commands the desktop menu can send to the page. */
export const MENU_COMMANDS = COMMANDS.filter((c) => 'menu' in c);

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!;
}
