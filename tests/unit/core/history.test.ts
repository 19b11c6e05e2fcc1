/**
 * Undo and redo, kept in the project file: creating, retagging, linking and deleting claims and
 * links are steps; so are tag, link-type and document changes and clearing a note (history-more.test.ts);
 * typing in a note is not. Every check compares the exact state: tags, links and tombstones.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { HISTORY_LIMIT, isJournalSql } from '../../../electron/core/store/history';
import { Project } from '../../../electron/core/store/project';
import { claimOn, expectAppError, importCorpus, ISO_TIME_RE, lexicalNote, makeBackend, readRows, withProject } from './helpers';

const NOTHING = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, undo: null, redo: null };

async function setUp() {
  const fixture = await withProject();
  const docs = await importCorpus(fixture.backend);
  const [economic, security, interfaith] = await fixture.backend.call('tags.list', {});
  const relations = await fixture.backend.call('relations.list', {});
  return { ...fixture, ...docs, economic: economic!, security: security!, interfaith: interfaith!, supports: relations[0]!, same: relations[3]! };
}

/** What undo must restore: live claims with their tags, live links, and every tombstone in the file. */
async function snapshot(backend: Backend, file: string) {
  return {
    claims: (await backend.call('annotations.list', {})).map((a) => ({ id: a.id, tagIds: a.tagIds, noteText: a.noteText })),
    links: (await backend.call('links.list', {})).map((l) => ({ id: l.id, fromId: l.fromId, toId: l.toId, relationId: l.relationId })),
    tombstones: readRows(file, `SELECT id, deleted_at IS NOT NULL AS dead FROM annotations UNION ALL SELECT id, deleted_at IS NOT NULL FROM links ORDER BY id`),
  };
}

describe('undo and redo', () => {
  it('a new project has nothing to undo or redo', async () => {
    const { backend } = await withProject();
    expect(await backend.call('history.state', {})).toEqual(NOTHING);
    await expectAppError(backend.call('history.undo', {}), 'conflict');
    await expectAppError(backend.call('history.redo', {}), 'conflict');
  });

  it('undoing “Create claim” tombstones the claim; redo brings back the same claim with its tags', async () => {
    const { backend, projectPath, kazpravda, economic, security } = await setUp();
    const claim = await claimOn(backend, kazpravda.id, 'Вашингтон', [economic.id, security.id]);
    expect(await backend.call('history.state', {})).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Create claim', redoLabel: null });

    expect(await backend.call('history.undo', {})).toMatchObject({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'Create claim' });
    expect(await backend.call('annotations.list', {})).toEqual([]);
    // Kept as a tombstone, so a colleague who already has the claim merges its removal.
    const [row] = readRows(projectPath, 'SELECT deleted_at, modified_at FROM annotations WHERE id = ?', claim.id);
    expect(row!.deleted_at).toMatch(ISO_TIME_RE);
    expect(row!.modified_at as string >= claim.modifiedAt).toBe(true);

    expect(await backend.call('history.redo', {})).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Create claim', redoLabel: null });
    const [back] = await backend.call('annotations.list', {});
    expect(back).toMatchObject({ id: claim.id, start: claim.start, end: claim.end, exact: claim.exact, tagIds: [economic.id, security.id], createdAt: claim.createdAt });
    expect(readRows(projectPath, 'SELECT deleted_at FROM annotations WHERE id = ?', claim.id)).toEqual([{ deleted_at: null }]);
  });

  it('undoing “Retag claim” restores the previous tag set exactly, and redo the new one', async () => {
    const { backend, caravan, economic, security, interfaith } = await setUp();
    const claim = await claimOn(backend, caravan.id, '17 млрд долларов', [economic.id, security.id]);
    await backend.call('annotations.update', { id: claim.id, tagIds: [interfaith.id, security.id] });
    expect((await backend.call('history.state', {})).undoLabel).toBe('Retag claim');

    await backend.call('history.undo', {});
    expect((await backend.call('annotations.list', {}))[0]!.tagIds).toEqual([economic.id, security.id]);
    await backend.call('history.redo', {});
    expect((await backend.call('annotations.list', {}))[0]!.tagIds).toEqual([security.id, interfaith.id]);
    await backend.call('history.undo', {});
    await backend.call('history.undo', {});
    expect(await backend.call('annotations.list', {})).toEqual([]);
  });

  it('undoing “Delete claim” brings back the claim with its tags, its links and its note; redo deletes them again', async () => {
    const { backend, projectPath, kazpravda, zakon, caravan, economic, supports, same } = await setUp();
    const a = await claimOn(backend, kazpravda.id, 'решение о присоединении Казахстана к Соглашениям Авраама', [economic.id]);
    const b = await claimOn(backend, zakon.id, 'присоединении к Авраамским соглашениям');
    const c = await claimOn(backend, caravan.id, '17 млрд долларов');
    const ab = await backend.call('links.create', { fromId: a.id, toId: b.id, relationId: same.id });
    const ca = await backend.call('links.create', { fromId: c.id, toId: a.id, relationId: supports.id });
    await backend.call('notes.save', { owner: { kind: 'annotation', id: a.id }, json: lexicalNote('Ключевой тезис') });
    await backend.call('notes.save', { owner: { kind: 'link', id: ab.id }, json: lexicalNote('Одно и то же') });
    const before = await snapshot(backend, projectPath);

    await backend.call('annotations.delete', { id: a.id });
    const deleted = await snapshot(backend, projectPath);
    expect(deleted.links).toEqual([]);
    expect(deleted.claims.map((x) => x.id)).toEqual(expect.not.arrayContaining([a.id]));

    expect((await backend.call('history.undo', {})).redoLabel).toBe('Delete claim');
    expect(await snapshot(backend, projectPath)).toEqual(before);
    expect((await backend.call('links.list', {})).find((l) => l.id === ab.id)?.noteText).toBe('Одно и то же');
    expect(await backend.call('notes.get', { kind: 'annotation', id: a.id })).toEqual({ json: lexicalNote('Ключевой тезис'), text: 'Ключевой тезис' });
    expect(ca.toId).toBe(a.id);

    await backend.call('history.redo', {});
    expect(await snapshot(backend, projectPath)).toEqual(deleted);
  });

  it('undoes and redoes linking, changing a link’s relation and deleting a link', async () => {
    const { backend, projectPath, kazpravda, zakon, supports, same } = await setUp();
    const a = await claimOn(backend, kazpravda.id, 'Вашингтон');
    const b = await claimOn(backend, zakon.id, 'Казахстан');
    const noLink = await snapshot(backend, projectPath);
    const link = await backend.call('links.create', { fromId: a.id, toId: b.id, relationId: supports.id });
    const linked = await snapshot(backend, projectPath);
    await backend.call('links.update', { id: link.id, relationId: same.id });
    const changed = await snapshot(backend, projectPath);
    await backend.call('links.delete', { id: link.id });
    const unlinked = await snapshot(backend, projectPath);
    expect(unlinked.links).toEqual([]);

    // Undoing the link's creation leaves it as a tombstone rather than removing the row.
    const tombstoned = { ...noLink, tombstones: [...noLink.tombstones, { id: link.id, dead: 1 }].sort((x, y) => (String(x.id) < String(y.id) ? -1 : 1)) };
    const labels: (string | null)[] = [];
    for (const expected of [changed, linked, tombstoned]) {
      labels.push((await backend.call('history.state', {})).undoLabel);
      await backend.call('history.undo', {});
      expect(await snapshot(backend, projectPath)).toEqual(expected);
    }
    expect(labels).toEqual(['Delete link', 'Change link', 'Link claims']);
    for (const expected of [linked, changed, unlinked]) {
      await backend.call('history.redo', {});
      expect(await snapshot(backend, projectPath)).toEqual(expected);
    }
    // The link that came back is the same link, not a copy.
    await backend.call('history.undo', {});
    expect((await backend.call('links.list', {}))[0]!.id).toBe(link.id);
  });

  it('a new step after an undo discards the redo branch', async () => {
    const { backend, kazpravda, caravan } = await setUp();
    await claimOn(backend, kazpravda.id, 'Вашингтон');
    const second = await claimOn(backend, kazpravda.id, 'Трампом');
    await backend.call('history.undo', {});
    expect((await backend.call('history.state', {})).canRedo).toBe(true);
    await claimOn(backend, caravan.id, 'Белом доме');
    expect(await backend.call('history.state', {})).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Create claim', redoLabel: null });
    await expectAppError(backend.call('history.redo', {}), 'conflict');
    expect((await backend.call('annotations.list', {})).map((a) => a.id)).not.toContain(second.id);
  });

  it('a retag that changes nothing is no step and keeps the redo branch', async () => {
    const { backend, kazpravda, economic } = await setUp();
    const claim = await claimOn(backend, kazpravda.id, 'Вашингтон', [economic.id]);
    await claimOn(backend, kazpravda.id, 'Трампом');
    await backend.call('history.undo', {});
    const state = await backend.call('history.state', {});
    await backend.call('annotations.update', { id: claim.id, tagIds: [economic.id] });
    expect(await backend.call('history.state', {})).toEqual(state);
  });

  it('undo never rolls a note back: a note written after a step stays when the step is undone', async () => {
    const { backend, caravan, economic, security } = await setUp();
    const claim = await claimOn(backend, caravan.id, '17 млрд долларов', [economic.id]);
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('первая мысль') });
    await backend.call('annotations.update', { id: claim.id, tagIds: [security.id] });
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('вторая мысль') });
    await backend.call('history.undo', {});
    expect(await backend.call('annotations.list', {})).toMatchObject([{ tagIds: [economic.id], noteText: 'вторая мысль' }]);
  });

  it('typing in a note is not a step: undo never rolls a note back', async () => {
    const { backend, kazpravda } = await setUp();
    const claim = await claimOn(backend, kazpravda.id, 'Вашингтон');
    const state = await backend.call('history.state', {});
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('x') });
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('xy') });
    expect(await backend.call('history.state', {})).toEqual(state);
  });

  it('the history is kept in the project file: it survives closing and reopening', async () => {
    const { backend, home, projectPath, kazpravda, economic } = await setUp();
    const claim = await claimOn(backend, kazpravda.id, 'Вашингтон', [economic.id]);
    await backend.call('annotations.update', { id: claim.id, tagIds: [] });
    await backend.call('annotations.delete', { id: claim.id });
    await backend.call('history.undo', {});
    const state = await backend.call('history.state', {});
    backend.close();

    const reopened = makeBackend(home, { projectPath });
    expect(await reopened.call('history.state', {})).toEqual(state);
    expect(state).toMatchObject({ canUndo: true, canRedo: true, undoLabel: 'Retag claim', redoLabel: 'Delete claim' });
    await reopened.call('history.undo', {});
    expect((await reopened.call('annotations.list', {}))[0]!.tagIds).toEqual([economic.id]);
    await reopened.call('history.redo', {});
    await reopened.call('history.redo', {});
    expect(await reopened.call('annotations.list', {})).toEqual([]);
  });

  it('keeps the last ' + HISTORY_LIMIT + ' steps', async () => {
    const { backend, projectPath, kazpravda, economic, security } = await setUp();
    const claim = await claimOn(backend, kazpravda.id, 'Вашингтон');
    backend.close();
    // Straight on the store: this test is about the count, not the transport.
    const project = Project.open(projectPath);
    try {
      for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
        project.undoable({ kind: 'claim.retag', params: { quote: 'Вашингтон' } }, (now) => project.annotations.setTags(claim.id, [i % 2 ? economic.id : security.id], now));
      }
      let undone = 0;
      while (project.history.state().canUndo) {
        project.undo();
        undone++;
      }
      expect(undone).toBe(HISTORY_LIMIT);
      // The oldest steps, the claim's creation among them, are forgotten; the claim stays.
      expect(project.annotations.list()).toHaveLength(1);
    } finally {
      project.close();
    }
  });

  it('a step whose document was deleted outside the history (another program) can no longer be undone; it is forgotten with the steps before it', async () => {
    const { backend, home, projectPath, kazpravda, zakon } = await setUp();
    await claimOn(backend, zakon.id, 'Казахстан');
    const claim = await claimOn(backend, kazpravda.id, 'Вашингтон');
    await backend.call('annotations.delete', { id: claim.id });
    backend.close();
    const db = new Database(projectPath);
    db.prepare("UPDATE documents SET deleted_at = '2030-01-01T00:00:00.000Z' WHERE id = ?").run(kazpravda.id);
    db.close();

    const reopened = makeBackend(home, { projectPath });
    const err = await expectAppError(reopened.call('history.undo', {}), 'conflict');
    expect(err.message).toMatch(/Delete claim.*document has been deleted/);
    expect(await reopened.call('history.state', {})).toEqual(NOTHING);
    expect(await reopened.call('annotations.list', {})).toHaveLength(1);
  });

  it('a link whose relation was deleted outside the history cannot be brought back by undo', async () => {
    const { backend, home, projectPath, kazpravda, zakon } = await setUp();
    const a = await claimOn(backend, kazpravda.id, 'Вашингтон');
    const b = await claimOn(backend, zakon.id, 'Казахстан');
    const echoes = await backend.call('relations.create', { name: 'echoes' });
    const link = await backend.call('links.create', { fromId: a.id, toId: b.id, relationId: echoes.id });
    await backend.call('links.delete', { id: link.id });
    backend.close();
    const db = new Database(projectPath);
    db.prepare("UPDATE relation_types SET deleted_at = '2030-01-01T00:00:00.000Z' WHERE id = ?").run(echoes.id);
    db.close();

    const reopened = makeBackend(home, { projectPath });
    const err = await expectAppError(reopened.call('history.undo', {}), 'conflict');
    expect(err.message).toMatch(/relation has been deleted/);
    expect(await reopened.call('links.list', {})).toEqual([]);
    expect((await reopened.call('history.state', {})).canUndo).toBe(false);
  });

  it('runs only the statements the journal writes: a tampered history in a file from elsewhere is refused', async () => {
    const { backend, home, projectPath, kazpravda, economic } = await setUp();
    const claim = await claimOn(backend, kazpravda.id, 'Вашингтон', [economic.id]);
    await backend.call('annotations.update', { id: claim.id, tagIds: [] });
    backend.close();
    const db = new Database(projectPath);
    const journal = db.prepare('SELECT sql FROM undo_log').pluck().all() as string[];
    expect(journal.length).toBeGreaterThan(0);
    for (const sql of journal) expect(isJournalSql(sql), sql).toBe(true);
    const planted = path.join(home, 'planted.db');
    const step = db.prepare('SELECT max(id) FROM undo_steps').pluck().get() as number;
    db.prepare("INSERT INTO undo_log (step, tbl, row_id, sql) VALUES (?, 'annotations', 'x', ?)").run(step, `ATTACH DATABASE '${planted}' AS evil`);
    db.close();

    const reopened = makeBackend(home, { projectPath });
    const err = await expectAppError(reopened.call('history.undo', {}), 'conflict');
    expect(err.message).toMatch(/damaged/);
    expect(fs.existsSync(planted)).toBe(false);
    expect((await reopened.call('annotations.list', {}))[0]!.tagIds).toEqual([]);
    expect((await reopened.call('history.state', {})).canUndo).toBe(false);

    for (const sql of [
      "UPDATE annotations SET deleted_at = NULL WHERE id = 'a'; DROP TABLE documents",
      "DELETE FROM annotations WHERE id = 'a'",
      "UPDATE documents SET \"text\" = 'x' WHERE id = 'a'",
      "UPDATE documents SET \"content_hash\" = 'x' WHERE id = 'a'",
      "UPDATE notes SET \"json\" = '{}' WHERE owner_kind = 'annotation' AND owner_id = 'a'",
      "UPDATE notes SET \"owner_id\" = 'b', modified_at = NULL WHERE owner_kind = 'annotation' AND owner_id = 'a' AND modified_at = 'x'",
      "UPDATE tags SET \"name\" = 'x' WHERE id = 'a' OR 1 = 1",
      "INSERT INTO undo_steps (\"label\") VALUES ('x')",
      "INSERT INTO documents (\"id\") VALUES ('x')",
      "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ('a', (SELECT text FROM documents))",
      "UPDATE annotations SET \"exact\" = 'it''s' WHERE id = 'a' OR 1 = 1",
    ]) {
      expect(isJournalSql(sql), sql).toBe(false);
    }
    expect(isJournalSql("UPDATE annotations SET \"exact\" = 'it''s; DROP TABLE x', deleted_at = NULL, modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 'a'")).toBe(true);
  });

  it('a read-only project shows its history but refuses to undo or redo', async () => {
    const { backend, home, projectPath, kazpravda } = await setUp();
    await claimOn(backend, kazpravda.id, 'Вашингтон');
    await claimOn(backend, kazpravda.id, 'Трампом');
    await backend.call('history.undo', {});
    backend.close();
    fs.chmodSync(projectPath, 0o444);

    const reader = makeBackend(home, { projectPath });
    expect((await reader.call('project.current', {}))?.readOnly).toBe(true);
    expect(await reader.call('history.state', {})).toMatchObject({ canUndo: true, canRedo: true, undoLabel: 'Create claim', redoLabel: 'Create claim' });
    await expectAppError(reader.call('history.undo', {}), 'read-only');
    await expectAppError(reader.call('history.redo', {}), 'read-only');
    expect(await reader.call('annotations.list', {})).toHaveLength(1);
  });
});
