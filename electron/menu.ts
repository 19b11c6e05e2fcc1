/**
 * The application menu, as data. Items that belong to the app send a ShellCommand to the
 * renderer, which owns the behaviour (it shows the same actions in its own toolbar and, in
 * browser mode, an in-page menu); editing and view items use Electron's built-in roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type CommandSpec } from '../shared/commands';
import type { ShellCommand } from '../shared/contract';

const inMenu = (menu: CommandSpec['menu']) => MENU_COMMANDS.filter((c) => c.menu === menu);

/** The File menu's commands, in order. Settings moves to the app menu on macOS. */
export const FILE_COMMANDS: readonly CommandSpec[] = inMenu('file');
export const SETTINGS_COMMAND: CommandSpec = inMenu('settings')[0]!;
export const ABOUT_COMMAND: CommandSpec = inMenu('help')[0]!;
/** Undo/redo go to the page: it undoes a claim step, or text in a focused note. */
export const EDIT_COMMANDS: readonly CommandSpec[] = inMenu('edit');
export const VIEW_COMMANDS: readonly CommandSpec[] = inMenu('view');

export interface MenuTemplateOptions {
  /** Delivers a command to the renderer (main.ts: `webContents.send('command', command)`). */
  send: (command: ShellCommand) => void;
  platform: NodeJS.Platform;
  /** Packaged builds get no Reload or DevTools items. */
  isPackaged: boolean;
  /** File ▸ Open Recent, newest first. */
  recent?: readonly { path: string; name: string }[];
  openRecent?(path: string): void;
  /** Help ▸ Show Log File. */
  showLog?(): void;
}

function item(entry: CommandSpec, send: (command: ShellCommand) => void): MenuItemConstructorOptions {
  return {
    label: entry.label,
    ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
    click: () => send(entry.id as ShellCommand),
  };
}

export function buildMenuTemplate({ send, platform, isPackaged, recent = [], openRecent, showLog }: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    // macOS keeps About, Settings and Quit in the menu named after the app.
    template.push({
      label: 'Crossread',
      submenu: [
        item(ABOUT_COMMAND, send),
        { type: 'separator' },
        item(SETTINGS_COMMAND, send),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  // Recent projects open from the menu too; a missing file stays listed and says why when chosen.
  const recentMenu: MenuItemConstructorOptions = {
    label: 'Open Recent',
    enabled: recent.length > 0 && openRecent !== undefined,
    submenu: recent.map((project) => ({ label: project.name, toolTip: project.path, click: () => openRecent?.(project.path) })),
  };
  const fileItems = FILE_COMMANDS.map((entry) => item(entry, send));
  const afterOpen = FILE_COMMANDS.findIndex((entry) => entry.id === 'project.open') + 1;
  fileItems.splice(afterOpen, 0, recentMenu);

  template.push({
    label: 'File',
    submenu: [
      ...fileItems,
      ...(isMac ? [] : [{ type: 'separator' } as const, item(SETTINGS_COMMAND, send), { type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  });

  // Notes are editable rich text, so the usual editing roles are needed besides copy/selectAll.
  template.push({
    label: 'Edit',
    submenu: [
      ...EDIT_COMMANDS.map((entry) => item(entry, send)),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });

  template.push({
    label: 'View',
    submenu: [
      ...VIEW_COMMANDS.map((entry) => item(entry, send)),
      { type: 'separator' },
      ...(isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });

  if (isMac) template.push({ role: 'windowMenu' });

  template.push({
    label: 'Help',
    role: 'help',
    submenu: [item(ABOUT_COMMAND, send), ...(showLog ? [{ label: 'Show Log File', click: () => showLog() }] : [])],
  });

  return template;
}
