import type { Db } from '../db';
import { sql as initial } from './0001_initial';
import { sql as linksNotesHistory } from './0002_links_notes_history';
import { run as indexExisting, sql as search } from './0003_search';
import { sql as sharing } from './0004_sharing';
import { sql as undoEverything } from './0005_undo_everything';
import { sql as attributes } from './0006_attributes';
import { run as reindexMemos, sql as memos } from './0007_memos';
import { sql as codeSystem } from './0008_code_system';
import { run as rebuildDocuments, sql as pdfPages } from './0009_pdf_pages';
import { sql as anchorConfidence } from './0010_anchor_confidence';
import { sql as favouriteTags } from './0011_favourite_tags';
import { sql as graphPositions } from './0012_graph_positions';
import { sql as hypotheses } from './0013_hypotheses';
import { sql as clusterTitles } from './0014_cluster_titles';
import { sql as teamSync } from './0015_team_sync';

/** A numbered schema step. Never edit one after it has landed: add the next number instead. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Work SQL alone cannot do (computed data, a table rebuilt), run after `sql` in the same
   * transaction. Foreign keys are not enforced while a migration runs; they are checked before it commits.
   */
  run?: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'links_notes_history', sql: linksNotesHistory },
  { version: 3, name: 'search', sql: search, run: indexExisting },
  { version: 4, name: 'sharing', sql: sharing },
  { version: 5, name: 'undo_everything', sql: undoEverything },
  { version: 6, name: 'attributes', sql: attributes },
  { version: 7, name: 'memos', sql: memos, run: reindexMemos },
  { version: 8, name: 'code_system', sql: codeSystem },
  { version: 9, name: 'pdf_pages', sql: pdfPages, run: rebuildDocuments },
  { version: 10, name: 'anchor_confidence', sql: anchorConfidence },
  { version: 11, name: 'favourite_tags', sql: favouriteTags },
  { version: 12, name: 'graph_positions', sql: graphPositions },
  { version: 13, name: 'hypotheses', sql: hypotheses },
  { version: 14, name: 'cluster_titles', sql: clusterTitles },
  { version: 15, name: 'team_sync', sql: teamSync },
];

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1]!.version;
