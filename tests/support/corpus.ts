/**
 * The sample corpus every test, fixture and benchmark reads: the repository's own copy, so a clone
 * with nothing beside it tests the same as a developer's checkout.
 */
import path from 'node:path';

export const REPO_DIR = path.resolve(__dirname, '../..');
export const CORPUS_DIR = path.join(REPO_DIR, 'resources', 'sample');
