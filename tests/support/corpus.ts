/**
 * The sample corpus every test, fixture and benchmark reads: the repository's own copy, so a clone
 * with nothing beside it tests the same as a developer's checkout.
 */
import path from 'node:path';

// import.meta.dirname, not __dirname: the bench bundles this file as ES module, where __dirname does not exist.
export const REPO_DIR = path.resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = path.join(REPO_DIR, 'resources', 'sample');
