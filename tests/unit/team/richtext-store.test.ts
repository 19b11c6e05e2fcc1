import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { richTextKey } from '../../../electron/core/team/richtext-crdt';
import { bindRichText } from '../../../electron/core/team/richtext-store';
import { claimOn, importCorpus, KAZPRAVDA, readRows, withProject, type Fixture } from '../core/helpers';
import { blockTexts, connectedDocs, corpusParagraphs, editorState, paragraph, typed } from './richtext-helpers';

const [P1, P2] = corpusParagraphs(KAZPRAVDA, 2) as [string, string];

const summaryOf = async (f: Fixture) => blockTexts((await f.backend.call('dossier.summary.get', {}))!.json);

describe('a shared field tied to the project file', () => {
  it('the dossier summary co-written on two desktops ends the same in both project files', async () => {
    const [alice, bob] = [await withProject('Alice'), await withProject('Bob')];
    const { a, b, offline, online } = connectedDocs();
    await alice.backend.call('dossier.summary.save', { json: editorState(paragraph(P1), paragraph(P2)) });
    const sa = bindRichText(a, alice.backend.project()!, 'summary', { author: 'Bob' });
    const sb = bindRichText(b, bob.backend.project()!, 'summary', { author: 'Alice' });
    // Bob's empty file took the summary from the shared doc.
    expect(await summaryOf(bob)).toEqual([P1, P2]);

    offline();
    const aliceState = typed((await alice.backend.call('dossier.summary.get', {}))!.json, 0, 0, 'Summary: ');
    await alice.backend.call('dossier.summary.save', { json: aliceState });
    sa.pushLocal();
    const bobState = typed((await bob.backend.call('dossier.summary.get', {}))!.json, 1, P2.length, ' (checked)');
    await bob.backend.call('dossier.summary.save', { json: bobState });
    sb.pushLocal();
    online();

    const expected = ['Summary: ' + P1, P2 + ' (checked)'];
    expect(await summaryOf(alice)).toEqual(expected);
    expect(await summaryOf(bob)).toEqual(expected);
    const stored = readRows(bob.projectPath, "SELECT value FROM project_meta WHERE key = 'dossier.summary'")[0]!.value as string;
    expect(JSON.parse(stored).author).toBe('Alice');
  });

  it("a colleague's change is not an undo step of the user's", async () => {
    const [alice, bob] = [await withProject('Alice'), await withProject('Bob')];
    const { a, b } = connectedDocs();
    const { kazpravda } = await importCorpus(bob.backend);
    await claimOn(bob.backend, kazpravda.id, 'Соглашениям Авраама');
    const before = await bob.backend.call('history.state', {});
    bindRichText(b, bob.backend.project()!, 'memo:project', { author: 'Alice' });
    const sa = bindRichText(a, alice.backend.project()!, 'memo:project', { author: 'Bob' });
    await alice.backend.call('memos.save', { owner: { kind: 'project' }, json: editorState(paragraph('Ask Velizade about Iran')) });
    sa.pushLocal();
    expect(blockTexts((await bob.backend.call('memos.get', { owner: { kind: 'project' } })).json!)).toEqual(['Ask Velizade about Iran']);
    // Clearing it remotely would be an undo step if typed here; it arrives as the colleague's, not Bob's.
    await alice.backend.call('memos.save', { owner: { kind: 'project' }, json: editorState(paragraph('')) });
    sa.pushLocal();
    expect((await bob.backend.call('memos.get', { owner: { kind: 'project' } })).text).toBe('');
    expect(await bob.backend.call('history.state', {})).toEqual(before);
  });

  it('a note whose claim was deleted here is not written back, and nothing throws', async () => {
    const [alice, bob] = [await withProject('Alice'), await withProject('Bob')];
    const { a, b } = connectedDocs();
    const { kazpravda } = await importCorpus(bob.backend);
    const claim = await claimOn(bob.backend, kazpravda.id, 'Соглашениям Авраама');
    const key = richTextKey({ kind: 'note', owner: 'annotation', id: claim.id });
    const errors: AppError[] = [];
    bindRichText(b, bob.backend.project()!, key, { author: 'Alice', onError: (e) => errors.push(e) });
    await bob.backend.call('annotations.delete', { id: claim.id });
    const sa = bindRichText(a, alice.backend.project()!, key, { author: 'Bob' });
    sa.replica.applyLocal(editorState(paragraph('Written by Alice')));
    expect(readRows(bob.projectPath, 'SELECT * FROM notes WHERE owner_id = ?', claim.id)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('pushLocal after a remote change sends nothing back', async () => {
    const [alice, bob] = [await withProject('Alice'), await withProject('Bob')];
    const { a, b } = connectedDocs();
    const sa = bindRichText(a, alice.backend.project()!, 'summary', { author: 'Bob' });
    const sb = bindRichText(b, bob.backend.project()!, 'summary', { author: 'Alice' });
    await alice.backend.call('dossier.summary.save', { json: editorState(paragraph(P1)) });
    sa.pushLocal();
    let updates = 0;
    b.on('update', () => updates++);
    sb.pushLocal();
    expect(updates).toBe(0);
  });
});
