/**
 * The IPC channels on which the main process speaks to the page. Plain strings in a module with no
 * imports, because the sandboxed preload can load nothing else at run time.
 */
/** Main → page: a menu command (shared/commands.ts). */
export const COMMAND_CHANNEL = 'command';
/** Main → page: an ImportProgress before each file of a native import. */
export const IMPORT_PROGRESS_CHANNEL = 'import-progress';
/** Page → main: `api:<name>` calls the backend, `shell:<name>` a shell call (dialogs). */
export const API_CHANNEL_PREFIX = 'api:';
export const SHELL_CHANNEL_PREFIX = 'shell:';
