import { sql as initial } from './0001_initial';

/** A numbered schema step. Never edit one after it has landed: add the next number instead. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1]!.version;
