/**
 * Every API entry validates its input: malformed input (wrong shape, missing fields, wrong types,
 * extra keys) comes back as { ok: false, code 'bad-input' } from dispatch, never as a throw, and
 * changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { api, API_NAMES, type ApiName } from '../../../shared/contract';
import { corpusFile, expectAppError, importCorpus, KAZPRAVDA, makeBackend, tempDir, withProject } from './helpers';

const ID = '00000000-0000-4000-8000-000000000001';
const ID2 = '00000000-0000-4000-8000-000000000002';

/** A valid input per entry, and which of its keys are required. */
const VALID: Record<ApiName, { input: Record<string, unknown>; required: string[] }> = {
  'app.info': { input: {}, required: [] },
  'settings.get': { input: {}, required: [] },
  'settings.update': { input: { language: 'ru', author: 'Аналитик' }, required: [] },
  'project.current': { input: {}, required: [] },
  'project.recent': { input: {}, required: [] },
  'project.open': { input: { path: '/tmp/x.crossread', takeOver: false }, required: ['path'] },
  'project.create': { input: { path: '/tmp/x.crossread' }, required: ['path'] },
  'project.openSample': { input: {}, required: [] },
  'project.close': { input: {}, required: [] },
  'documents.list': { input: {}, required: [] },
  'documents.get': { input: { id: ID }, required: ['id'] },
  'documents.import': { input: { files: [{ name: 'a.txt', dataBase64: 'YQ==' }] }, required: ['files'] },
  'documents.update': { input: { id: ID, patch: { title: 'T' } }, required: ['id', 'patch'] },
  'documents.paste': { input: { text: 'Текст статьи.', title: 'T' }, required: ['text', 'title'] },
  'documents.delete': { input: { id: ID }, required: ['id'] },
  'tags.list': { input: {}, required: [] },
  'tags.create': { input: { name: 'n', color: '#000000' }, required: ['name'] },
  'tags.update': { input: { id: ID, name: 'n', color: '#000000' }, required: ['id'] },
  'tags.delete': { input: { id: ID }, required: ['id'] },
  'tags.usage': { input: { id: ID }, required: ['id'] },
  'tags.move': { input: { id: ID, parentId: ID2, index: 0 }, required: ['id', 'parentId'] },
  'tags.describe': { input: { id: ID, definition: 'd', useWhen: 'u', avoidWhen: 'a', example: 'e' }, required: ['id'] },
  'tags.merge': { input: { sourceId: ID, targetId: ID2 }, required: ['sourceId', 'targetId'] },
  'codebook.build': { input: { format: 'md', language: 'ru' }, required: ['format'] },
  'codebook.write': { input: { format: 'md', language: 'ru', path: '/tmp/codebook.md' }, required: ['format', 'path'] },
  'tags.moveClaims': { input: { sourceId: ID, targetId: ID2 }, required: ['sourceId', 'targetId'] },
  'annotations.list': { input: { documentId: ID }, required: [] },
  'annotations.create': { input: { documentId: ID, start: 0, end: 1, tagIds: [ID] }, required: ['documentId', 'start', 'end'] },
  'annotations.update': { input: { id: ID, tagIds: [ID] }, required: ['id', 'tagIds'] },
  'annotations.delete': { input: { id: ID }, required: ['id'] },
  'relations.list': { input: {}, required: [] },
  'relations.create': { input: { name: 'causes', inverseName: 'is caused by', symmetric: false }, required: ['name'] },
  'relations.update': { input: { id: ID, name: 'n', inverseName: 'm', symmetric: true }, required: ['id'] },
  'relations.delete': { input: { id: ID }, required: ['id'] },
  'links.list': { input: { annotationId: ID }, required: [] },
  'links.create': { input: { fromId: ID, toId: ID2, relationId: ID }, required: ['fromId', 'toId', 'relationId'] },
  'links.update': { input: { id: ID, relationId: ID }, required: ['id', 'relationId'] },
  'links.delete': { input: { id: ID }, required: ['id'] },
  'notes.get': { input: { kind: 'annotation', id: ID }, required: ['kind', 'id'] },
  'notes.save': { input: { owner: { kind: 'link', id: ID }, json: '{"root":{}}' }, required: ['owner', 'json'] },
  'search.query': { input: { q: 'инвестиции', limit: 10 }, required: ['q'] },
  'search.autocode': { input: { q: 'инвестиции', tagId: ID }, required: ['q', 'tagId'] },
  'matrix.get': { input: { byAttribute: ID }, required: [] },
  'history.state': { input: {}, required: [] },
  'history.undo': { input: {}, required: [] },
  'history.redo': { input: {}, required: [] },
  'layout.get': { input: {}, required: [] },
  'layout.set': { input: { panes: [{ documentId: ID, share: 1, scroll: 0 }], sidebar: true }, required: ['panes'] },
  'backups.list': { input: {}, required: [] },
  'backups.create': { input: {}, required: [] },
  'backups.restore': { input: { id: '2026-11-21T18-31-00-123Z--manual' }, required: ['id'] },
  // Dossier export (issue 4)
  'dossier.summary.get': { input: {}, required: [] },
  'dossier.summary.save': { input: { json: '{"root":{}}' }, required: ['json'] },
  'dossier.settings.get': { input: {}, required: [] },
  'export.preview': { input: { options: { tagIds: [ID], notes: false } }, required: ['options'] },
  'export.build': { input: { format: 'md', options: { language: 'ru' } }, required: ['format', 'options'] },
  'export.write': { input: { format: 'csv', options: { bom: true }, path: '/tmp/d.csv' }, required: ['format', 'options', 'path'] },
  'share.export': { input: { embedText: true }, required: [] },
  'share.exportTo': { input: { path: '/tmp/x.crossread.json', embedText: false }, required: ['path'] },
  'share.import': { input: { file: { name: 'a.json', dataBase64: 'e30=' }, dryRun: true }, required: [] },
  'share.anchors': { input: {}, required: [] },
  'share.orphans': { input: {}, required: [] },
  'share.reattach': { input: { id: ID, documentId: ID2, start: 0, end: 1 }, required: ['id', 'documentId', 'start', 'end'] },
  'share.deleteOrphan': { input: { id: ID }, required: ['id'] },
  'share.conflicts': { input: {}, required: [] },
  'share.resolveConflict': { input: { id: 1, choice: 'keep' }, required: ['id', 'choice'] },
  'files.browse': { input: { folder: ID, find: 'crossread' }, required: [] },
  'project.openEntry': { input: { id: ID, takeOver: false }, required: ['id'] },
  'project.createIn': { input: { folder: ID, name: 'Research' }, required: ['folder', 'name'] },
  'share.startImport': { input: { file: { name: 'a.json', dataBase64: 'e30=' }, dryRun: true }, required: [] },
  'share.importJob': { input: { jobId: ID }, required: ['jobId'] },
  'share.cancelImport': { input: { jobId: ID }, required: ['jobId'] },
  'attributes.list': { input: {}, required: [] },
  'attributes.create': { input: { name: 'country', type: 'choice', choices: ['Azerbaijan'] }, required: ['name', 'type'] },
  'attributes.update': { input: { id: ID, name: 'n', choices: ['a'] }, required: ['id'] },
  'attributes.usage': { input: { id: ID }, required: ['id'] },
  'attributes.delete': { input: { id: ID }, required: ['id'] },
  'attributes.values': { input: {}, required: [] },
  'attributes.setValue': { input: { owner: { kind: 'document', id: ID }, attributeId: ID2, value: 'x' }, required: ['owner', 'attributeId', 'value'] },
  'memos.list': { input: {}, required: [] },
  'memos.get': { input: { owner: { kind: 'document', id: ID } }, required: ['owner'] },
  'memos.save': { input: { owner: { kind: 'project' }, json: '{}' }, required: ['owner', 'json'] },
  'agreement.get': { input: { authors: ['Alice', 'Bob'], tagIds: [ID] }, required: [] },
  'agreement.build': { input: { format: 'csv', language: 'ru', authors: ['Alice', 'Bob'] }, required: ['format'] },
  'agreement.write': { input: { format: 'html', language: 'en', path: '/tmp/agreement.html' }, required: ['format', 'path'] },
  'share.acceptCandidate': { input: { id: ID }, required: ['id'] },
  'share.rejectCandidate': { input: { id: ID }, required: ['id'] },
  'search.records': { input: { q: 'Kazakhstan', limit: 10 }, required: ['q'] },
  'tags.favourite': { input: { id: ID, favourite: true }, required: ['id', 'favourite'] },
  'refi.export': { input: {}, required: [] },
  'refi.exportTo': { input: { path: '/tmp/x.qdpx' }, required: ['path'] },
  'refi.import': { input: { file: { name: 'a.qdpx', dataBase64: 'UEs=' }, dryRun: true }, required: [] },
  'graph.positions': { input: { arrangement: 'document' }, required: ['arrangement'] },
  'graph.place': { input: { arrangement: 'cluster', positions: [{ nodeId: ID, x: 1, y: 2 }] }, required: ['arrangement', 'positions'] },
  'graph.resetLayout': { input: { arrangement: 'document' }, required: ['arrangement'] },
  'hypotheses.analyses': { input: {}, required: [] },
  'hypotheses.createAnalysis': { input: { question: 'Why?' }, required: ['question'] },
  'hypotheses.renameAnalysis': { input: { id: ID, question: 'Why?' }, required: ['id', 'question'] },
  'hypotheses.deleteAnalysis': { input: { id: ID }, required: ['id'] },
  'hypotheses.matrix': { input: { analysisId: ID }, required: ['analysisId'] },
  'hypotheses.create': { input: { analysisId: ID, title: 'Gain', kind: 'plain' }, required: ['analysisId', 'title'] },
  'hypotheses.update': { input: { id: ID, title: 'Gain', description: '' }, required: ['id'] },
  'hypotheses.move': { input: { id: ID, index: 0 }, required: ['id', 'index'] },
  'hypotheses.delete': { input: { id: ID }, required: ['id'] },
  'hypotheses.addRows': { input: { analysisId: ID, rows: [{ kind: 'claim', claimId: ID2 }] }, required: ['analysisId', 'rows'] },
  'hypotheses.updateRow': { input: { id: ID, credibility: 'high', relevance: 'low', doubtful: true }, required: ['id'] },
  'hypotheses.moveRow': { input: { id: ID, index: 0 }, required: ['id', 'index'] },
  'hypotheses.deleteRow': { input: { id: ID }, required: ['id'] },
  'hypotheses.rate': { input: { rowId: ID, hypothesisId: ID2, rating: 'CC' }, required: ['rowId', 'hypothesisId', 'rating'] },
  'hypotheses.explain': { input: { rowId: ID, hypothesisId: ID2, rationale: 'why' }, required: ['rowId', 'hypothesisId', 'rationale'] },
  'hypotheses.search': { input: { q: 'gain', limit: 5 }, required: ['q'] },
  'clusters.list': { input: {}, required: [] },
  'clusters.rename': { input: { key: ID, title: 'Сделки на 17 млрд' }, required: ['key', 'title'] },
  'clusters.search': { input: { q: 'сделки' }, required: ['q'] },
  'team.connect': { input: { url: 'ws://127.0.0.1:1234', token: 'crt1.teamkey.user1.secretsecret' }, required: ['url', 'token'] },
  'team.disconnect': { input: {}, required: [] },
  'team.status': { input: {}, required: [] },
  'team.presence': { input: { selection: { documentId: ID, start: 1, end: 5 } }, required: ['selection'] },
  'figure.write': { input: { kind: 'svg', dataBase64: 'PHN2Zz48L3N2Zz4=', path: '/tmp/graph.svg' }, required: ['kind', 'dataBase64', 'path'] },
};

/** A value of another type than `v`. */
function wrongType(v: unknown): unknown {
  if (typeof v === 'string') return 42;
  if (typeof v === 'number') return 'seven';
  if (typeof v === 'boolean') return 'yes';
  if (Array.isArray(v)) return 'not a list';
  return 'not an object';
}

/** Malformed variants of an entry's valid input, each labelled. */
function malformed(name: ApiName): [string, unknown][] {
  const { input, required } = VALID[name];
  const out: [string, unknown][] = [
    ['a number', 42],
    ['a string', 'hello'],
    ['an array', [input]],
    ['an extra key', { ...input, unexpected: true }],
    ['a prototype-polluting key', JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(input).slice(1)}`.replace(', }', '}'))],
  ];
  for (const key of required) {
    const { [key]: _dropped, ...rest } = input;
    out.push([`missing ${key}`, rest]);
  }
  for (const key of Object.keys(input)) out.push([`${key} of the wrong type`, { ...input, [key]: wrongType(input[key]) }]);
  return out;
}

/** Hand-picked nested mistakes the generic mutations do not reach. */
const NESTED: [ApiName, unknown][] = [
  ['documents.import', { files: [] }],
  ['documents.import', { files: [{ name: 'a.txt' }] }],
  ['documents.import', { files: [{ name: '', dataBase64: 'YQ==' }] }],
  ['documents.update', { id: ID, patch: { title: 'T', deletedAt: 'now' } }],
  ['documents.update', { id: ID, patch: { date: '7 Nov 2025' } }],
  ['documents.get', { id: 'not-a-uuid' }],
  ['tags.create', { name: '   ' }],
  ['tags.create', { name: 'x'.repeat(81) }],
  ['tags.create', { name: 'n', color: 'red' }],
  ['settings.update', { language: 'de' }],
  ['settings.update', { author: '' }],
  ['annotations.create', { documentId: ID, start: -1, end: 1 }],
  ['annotations.create', { documentId: ID, start: 0.5, end: 1 }],
  ['annotations.create', { documentId: ID, start: 0, end: 1, tagIds: ['nope'] }],
  ['annotations.update', { id: ID, tagIds: Array.from({ length: 51 }, () => ID) }],
  ['layout.set', { panes: [{ documentId: ID, share: 0 }] }],
  ['layout.set', { panes: [{ documentId: ID, share: 1, scroll: 2 }] }],
  ['layout.set', { panes: Array.from({ length: 13 }, () => ({ documentId: ID, share: 1 })) }],
  ['project.open', { path: '' }],
  ['relations.create', { name: '  ' }],
  ['relations.create', { name: 'x'.repeat(81) }],
  ['relations.update', { id: ID, inverseName: '' }],
  ['links.create', { fromId: ID, toId: ID, relationId: ID }],
  ['notes.get', { kind: 'document', id: ID }],
  ['notes.save', { owner: { kind: 'annotation', id: 'nope' }, json: '{}' }],
  ['notes.save', { owner: { kind: 'annotation', id: ID }, json: 'x'.repeat(512 * 1024 + 1) }],
  ['search.query', { q: '   ' }],
  ['search.query', { q: 'x'.repeat(501) }],
  ['search.query', { q: 'мир', limit: 0 }],
  ['search.query', { q: 'мир', limit: 5001 }],
  ['search.query', { q: 'мир', offset: -1 }],
  ['search.records', { q: '   ' }],
  ['search.records', { q: 'мир', limit: 0 }],
  ['tags.favourite', { id: ID, favourite: 'yes' }],
  ['search.autocode', { q: 'мир', tagId: 'economic' }],
  ['share.import', { dryRun: true }],
  ['share.import', { file: { name: 'a.json', dataBase64: 'e30=' }, path: '/tmp/a.json' }],
  ['share.reattach', { id: ID, documentId: ID2, start: 5, end: 5 }],
  ['share.resolveConflict', { id: 1, choice: 'merge' }],
  ['team.connect', { url: 'http://127.0.0.1:1234', token: 'crt1.teamkey.user1.secretsecret' }],
  ['team.connect', { url: `ws://${'a'.repeat(600)}.org`, token: 'crt1.teamkey.user1.secretsecret' }],
  ['team.connect', { url: 'ws://127.0.0.1:1234', token: 'not a token' }],
  ['team.presence', { selection: { documentId: ID, start: 5, end: 1 } }],
];

describe('input validation', () => {
  it('the table above covers every API entry, and its inputs are valid', () => {
    expect(Object.keys(VALID).sort()).toEqual([...API_NAMES].sort());
    for (const name of API_NAMES) {
      expect(api[name].input.safeParse(VALID[name].input).success, name).toBe(true);
    }
  });

  it('rejects malformed input to every entry with bad-input, without throwing or changing anything', async () => {
    const { backend, projectPath } = await withProject();
    await importCorpus(backend);
    const snapshot = async () => ({
      current: await backend.call('project.current', {}),
      settings: await backend.call('settings.get', {}),
      docs: await backend.call('documents.list', {}),
      tags: await backend.call('tags.list', {}),
      claims: await backend.call('annotations.list', {}),
      relations: await backend.call('relations.list', {}),
      links: await backend.call('links.list', {}),
      history: await backend.call('history.state', {}),
      layout: await backend.call('layout.get', {}),
    });
    const before = await snapshot();
    let checked = 0;
    const cases: [ApiName, string, unknown][] = [
      ...API_NAMES.flatMap((name) => malformed(name).map(([label, input]) => [name, label, input] as [ApiName, string, unknown])),
      ...NESTED.map(([name, input]) => [name, 'nested', input] as [ApiName, string, unknown]),
    ];
    for (const [name, label, input] of cases) {
      const answer = await backend.dispatch(name, input);
      expect(answer, `${name} with ${label}`).toMatchObject({ ok: false, error: { code: 'bad-input' } });
      if (!answer.ok) expect(answer.error.message, `${name} with ${label}`).toMatch(/\S/);
      checked++;
    }
    expect(checked).toBeGreaterThan(API_NAMES.length * 4);
    expect(await snapshot()).toEqual(before);
    expect(before.current?.path).toBe(projectPath);
  });

  it('the typed call rejects malformed input with an AppError too', async () => {
    const { backend } = await withProject();
    await expectAppError(backend.call('tags.create', { name: 7 } as never), 'bad-input');
    await expectAppError(backend.call('documents.get', {}), 'bad-input');
  });

  it('answers an unknown API name with bad-input', async () => {
    const backend = makeBackend(tempDir());
    for (const name of ['documents.drop', '', 'constructor', '__proto__', 'toString', 'app.info ']) {
      const answer = await backend.dispatch(name, {});
      expect(answer, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(await backend.dispatch(42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('answers project calls with no project open with no-project', async () => {
    const backend = makeBackend(tempDir());
    expect(await backend.call('project.current', {})).toBeNull();
    for (const [name, input] of [
      ['documents.list', {}],
      ['tags.list', {}],
      ['annotations.list', {}],
      ['layout.get', {}],
      ['relations.list', {}],
      ['links.list', {}],
      ['notes.get', { kind: 'annotation', id: ID }],
      ['search.query', { q: 'мир' }],
      ['matrix.get', {}],
      ['history.state', {}],
      ['history.undo', {}],
      ['documents.import', { files: [corpusFile(KAZPRAVDA)] }],
    ] as const) {
      expect(await backend.dispatch(name, input), name).toMatchObject({ ok: false, error: { code: 'no-project' } });
    }
  });
});
