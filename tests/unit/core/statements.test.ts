import path from 'node:path';
import { expect, test } from 'vitest';
import { Project } from '../../../electron/core/store/project';
import { tempDir } from './helpers';

/** The project keeps its connection private; the cache lives on it, so the test reaches in. */
function db(project: Project) {
  return (project as unknown as { db: import('better-sqlite3').Database }).db;
}

test('the same SQL is compiled once per connection, and a reused statement forgets pluck and raw modes', () => {
  const project = Project.create(path.join(tempDir(), 'p.crossread'));
  try {
    const conn = db(project);
    const sql = 'SELECT id, name FROM tags ORDER BY position';
    const first = conn.prepare(sql);
    expect(conn.prepare(sql)).toBe(first);
    expect(conn.prepare(sql).pluck().get()).toEqual(expect.any(String));
    // Used plainly again: rows come back as objects, not plucked values.
    expect(conn.prepare(sql).get()).toEqual({ id: expect.any(String), name: 'economic' });
    expect(conn.prepare(sql).raw().get()).toEqual([expect.any(String), 'economic']);
    expect(conn.prepare(sql).get()).toEqual({ id: expect.any(String), name: 'economic' });
  } finally {
    project.close();
  }
});

test('a statement still being iterated is not handed out again: a nested use gets its own', () => {
  const project = Project.create(path.join(tempDir(), 'p.crossread'));
  try {
    const conn = db(project);
    const sql = 'SELECT name FROM tags ORDER BY position';
    const names: string[] = [];
    for (const row of conn.prepare(sql).iterate() as Iterable<{ name: string }>) {
      // Without a fresh statement this would throw "This statement is busy executing a query".
      names.push(`${row.name}:${(conn.prepare(sql).all() as unknown[]).length}`);
    }
    expect(names).toEqual(['economic:3', 'security:3', 'interfaith:3']);
  } finally {
    project.close();
  }
});
