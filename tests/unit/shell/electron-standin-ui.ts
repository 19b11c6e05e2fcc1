/**
 * The dialogs, menus and shell of the Electron stand-in (electron-standin.ts), each implementing
 * the part of Electron's declaration it replaces; the menu refuses the templates Electron refuses.
 */
import type {
  BaseWindow,
  Dialog,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
  Shell,
} from 'electron';

/** Answers the tests queue up for the next dialogs; a dialog with no answer queued is cancelled. */
export class StandinDialog implements Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox' | 'showErrorBox'> {
  readonly opened: Array<OpenDialogOptions | SaveDialogOptions | MessageBoxOptions> = [];
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  readonly openAnswers: string[][] = [];
  readonly saveAnswers: string[] = [];
  showOpenDialog(...args: [BaseWindow, OpenDialogOptions] | [OpenDialogOptions]): Promise<OpenDialogReturnValue> {
    const options = args.length === 2 ? args[1] : args[0];
    this.opened.push(options);
    const filePaths = this.openAnswers.shift();
    return Promise.resolve(filePaths ? { canceled: false, filePaths } : { canceled: true, filePaths: [] });
  }
  showSaveDialog(...args: [BaseWindow, SaveDialogOptions] | [SaveDialogOptions]): Promise<SaveDialogReturnValue> {
    const options = args.length === 2 ? args[1] : args[0];
    this.opened.push(options);
    const filePath = this.saveAnswers.shift();
    return Promise.resolve(filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' });
  }
  showMessageBox(...args: [BaseWindow, MessageBoxOptions] | [MessageBoxOptions]): Promise<MessageBoxReturnValue> {
    const options = args.length === 2 ? args[1] : args[0];
    if (typeof options.message !== 'string') throw new TypeError('Insufficient number of arguments.');
    this.opened.push(options);
    return Promise.resolve({ response: options.defaultId ?? 0, checkboxChecked: false });
  }
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
}

export interface StandinMenu {
  readonly items: MenuItemConstructorOptions[];
}

const MENU_ITEM_TYPES = new Set(['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette']);

/** Electron's Menu.buildFromTemplate checks (lib/browser/api/menu.ts and menu-item.ts). */
export class StandinMenuModule {
  applicationMenu: StandinMenu | null = null;
  buildFromTemplate(template: MenuItemConstructorOptions[]): StandinMenu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const valid = template.every(
      (item: unknown) =>
        item !== null &&
        typeof item === 'object' &&
        (Object.hasOwn(item, 'label') || Object.hasOwn(item, 'role') || (item as MenuItemConstructorOptions).type === 'separator'),
    );
    if (!valid) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    for (const item of template) {
      if (item.submenu !== undefined && !Array.isArray(item.submenu)) throw new Error('Invalid submenu');
      const type = item.type ?? (item.submenu !== undefined ? 'submenu' : 'normal');
      if (!MENU_ITEM_TYPES.has(type)) throw new Error(`Unknown menu item type: ${type}`);
      if (type === 'submenu' && item.submenu === undefined) throw new Error('Invalid submenu');
      if (Array.isArray(item.submenu)) this.buildFromTemplate(item.submenu);
    }
    return { items: template };
  }
  setApplicationMenu(menu: StandinMenu | null): void {
    this.applicationMenu = menu;
  }
}

export class StandinShell implements Pick<Shell, 'showItemInFolder'> {
  readonly shown: string[] = [];
  showItemInFolder(fullPath: string): void {
    this.shown.push(fullPath);
  }
}
