import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/commands';
import type { ShellCommand } from '../../../shared/contract';
import { buildMenuTemplate } from '../../../electron/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? flatten(entry.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isPackaged = false) {
  const sent: ShellCommand[] = [];
  const template = buildMenuTemplate({ send: (command) => sent.push(command), platform, isPackaged });
  return { template, items: flatten(template), sent };
}

function byLabel(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (!found) throw new Error(`no menu item "${label}"`);
  return found;
}

/** Clicks an item the way Electron would (the arguments are not used by our items). */
function click(entry: MenuItemConstructorOptions): void {
  const handler = entry.click as (() => void) | undefined;
  if (!handler) throw new Error(`"${entry.label}" has no click handler`);
  handler();
}

const EXPECTED: Array<[label: string, command: ShellCommand, accelerator: string | undefined]> = [
  ['New Project…', 'project.new', 'CmdOrCtrl+N'],
  ['Open Project…', 'project.open', 'CmdOrCtrl+O'],
  ['Open Sample Project', 'project.openSample', undefined],
  ['Switch Project…', 'project.switch', undefined],
  ['Import Documents…', 'documents.import', undefined],
  ['Manage Tags…', 'tags.manage', undefined],
  ['Link Types…', 'relations.manage', undefined],
  ['Undo', 'edit.undo', 'CmdOrCtrl+Z'],
  ['Redo', 'edit.redo', 'Shift+CmdOrCtrl+Z'],
  ['Command Palette…', 'palette.open', 'CmdOrCtrl+K'],
  ['Search…', 'search.open', 'Shift+CmdOrCtrl+F'],
  ['Tag × Document Matrix', 'matrix.open', 'Shift+CmdOrCtrl+M'],
  ['Claim Browser', 'claims.focus', 'Shift+CmdOrCtrl+B'],
  ['Settings', 'settings.open', 'CmdOrCtrl+,'],
  ['About Crossread', 'app.about', undefined],
];

describe.each(['linux', 'win32', 'darwin'] as const)('application menu on %s', (platform) => {
  it.each(EXPECTED)('"%s" sends %s with its accelerator', (label, command, accelerator) => {
    const { items, sent } = build(platform);
    const entry = byLabel(items, label);
    expect(entry.accelerator).toBe(accelerator);
    click(entry);
    expect(sent).toEqual([command]);
  });

  it('offers every shell command somewhere', () => {
    const { items, sent } = build(platform);
    for (const entry of items) if (entry.click) click(entry);
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS.map((c) => c.id)));
  });

  it('has Quit, role-based copy and select-all, zoom and full screen', () => {
    const roles = build(platform).items.map((entry) => entry.role);
    for (const role of ['quit', 'copy', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'] as const) {
      expect(roles, role).toContain(role);
    }
  });

  it('offers Reload and DevTools only when not packaged', () => {
    expect(build(platform, false).items.map((entry) => entry.role)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
    const packaged = build(platform, true).items.map((entry) => entry.role);
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
  });
});

describe('menu layout', () => {
  it('puts File, Edit, View and Help on Windows and Linux, with Settings and Quit under File', () => {
    const { template } = build('win32');
    expect(template.map((entry) => entry.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = flatten([byLabel(template, 'File')]);
    expect(file.map((entry) => entry.label ?? entry.role)).toEqual(
      expect.arrayContaining(['New Project…', 'Settings', 'quit']),
    );
  });

  it('adds the app menu with Settings and Quit on macOS', () => {
    const { template } = build('darwin');
    expect(template[0]?.label).toBe('Crossread');
    const appMenu = flatten([template[0] ?? {}]);
    expect(appMenu.map((entry) => entry.label ?? entry.role)).toEqual(expect.arrayContaining(['Settings', 'quit']));
    const file = flatten([byLabel(template, 'File')]);
    expect(file.map((entry) => entry.role)).not.toContain('quit');
  });
});

describe('Open Recent and Show Log File', () => {
  it('lists recent projects after Open Project… and opens the chosen one', () => {
    const opened: string[] = [];
    let logs = 0;
    const template = buildMenuTemplate({
      send: () => undefined,
      platform: 'linux',
      isPackaged: true,
      recent: [
        { path: '/home/ana/Gaza.crossread', name: 'Gaza' },
        { path: '/home/ana/Accords.crossread', name: 'Accords' },
      ],
      openRecent: (p) => opened.push(p),
      showLog: () => logs++,
    });
    const file = template.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
    const labels = file.map((m) => m.label);
    expect(labels.indexOf('Open Recent')).toBe(labels.indexOf('Open Project…') + 1);
    const recent = file.find((m) => m.label === 'Open Recent')!;
    expect(recent.enabled).toBe(true);
    const entries = recent.submenu as MenuItemConstructorOptions[];
    expect(entries.map((m) => [m.label, m.toolTip])).toEqual([
      ['Gaza', '/home/ana/Gaza.crossread'],
      ['Accords', '/home/ana/Accords.crossread'],
    ]);
    click(entries[1]!);
    expect(opened).toEqual(['/home/ana/Accords.crossread']);
    click(byLabel(flatten(template), 'Show Log File'));
    expect(logs).toBe(1);
  });

  it('greys out Open Recent when there is nothing to open', () => {
    const { items } = build('linux');
    expect(byLabel(items, 'Open Recent').enabled).toBe(false);
  });
});

describe('the menu template as Electron builds it', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('passes Menu.buildFromTemplate’s own checks on %s, packaged or not, with recent projects', async (platform) => {
    const { StandinMenuModule } = await import('./electron-standin');
    const menu = new StandinMenuModule();
    for (const isPackaged of [false, true]) {
      const template = buildMenuTemplate({
        send: () => undefined,
        platform,
        isPackaged,
        recent: [{ path: '/home/ana/Gaza.crossread', name: 'Gaza' }],
        openRecent: () => undefined,
        showLog: () => undefined,
      });
      expect(() => menu.buildFromTemplate(template)).not.toThrow();
    }
    // The stand-in does refuse what Electron refuses.
    expect(() => menu.buildFromTemplate([{ click: () => undefined }])).toThrow('must have at least one of label, role or type');
    expect(() => menu.buildFromTemplate([{ label: 'x', type: 'submenu' }])).toThrow('Invalid submenu');
  });
});
