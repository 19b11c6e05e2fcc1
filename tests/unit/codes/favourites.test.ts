/**
 * Favourite tags: starred and unstarred as undo steps, kept in the analyst's own project file: the
 * share file leaves them out, and a colleague's file merged in neither adds nor removes a star.
 */
import { describe, expect, it } from 'vitest';
import { expectAppError, importCorpus, withProject } from '../core/helpers';
import { analyst, exportFrom, importInto } from '../share/helpers';

describe('favourite tags', () => {
  it('starring is one undo step named for the tag; starring a starred tag again records nothing', async () => {
    const { backend } = await withProject();
    const [economic, security] = await backend.call('tags.list', {});
    const starred = await backend.call('tags.favourite', { id: security!.id, favourite: true });
    expect(starred.tag.favourite).toBe(true);
    expect(starred.step?.label).toEqual({ kind: 'tag.favourite', params: { name: 'security', on: 1 } });
    expect((await backend.call('history.state', {})).undoLabel).toBe('Star tag “security”');
    expect((await backend.call('tags.favourite', { id: security!.id, favourite: true })).step).toBeNull();
    // The tag's modification time stays: a star is not an edit a colleague's copy should take.
    expect((await backend.call('tags.list', {})).find((t) => t.id === security!.id)!.modifiedAt).toBe(security!.modifiedAt);

    await backend.call('tags.favourite', { id: economic!.id, favourite: true });
    expect((await backend.call('tags.list', {})).filter((t) => t.favourite).map((t) => t.name)).toEqual(['economic', 'security']);
    await backend.call('history.undo', {});
    await backend.call('history.undo', {});
    expect((await backend.call('tags.list', {})).filter((t) => t.favourite)).toEqual([]);
    await backend.call('history.redo', {});
    expect((await backend.call('tags.list', {})).filter((t) => t.favourite).map((t) => t.name)).toEqual(['security']);
  });

  it('starring a tag that does not exist is refused and changes nothing', async () => {
    const { backend } = await withProject();
    const before = await backend.call('history.state', {});
    await expectAppError(backend.call('tags.favourite', { id: '00000000-0000-4000-8000-00000000abcd', favourite: true }), 'not-found');
    expect(await backend.call('history.state', {})).toEqual(before);
  });

  it('favourites stay out of the share file, and a colleague’s file neither adds nor removes a star', async () => {
    const A = await analyst('Aliya');
    const B = await analyst('Boris');
    await importCorpus(A.backend);
    await importCorpus(B.backend);
    const sanctions = await A.backend.call('tags.create', { name: 'sanctions' });
    await A.backend.call('tags.favourite', { id: sanctions.id, favourite: true });
    const fileOfA = await exportFrom(A);
    expect(fileOfA).not.toMatch(/favou?rite/i);

    const securityB = (await B.backend.call('tags.list', {})).find((t) => t.name === 'security')!;
    await B.backend.call('tags.favourite', { id: securityB.id, favourite: true });
    await importInto(B, 'aliya.json', fileOfA);
    const tagsB = await B.backend.call('tags.list', {});
    expect(tagsB.find((t) => t.name === 'sanctions')).toMatchObject({ favourite: false });
    expect(tagsB.filter((t) => t.favourite).map((t) => t.name)).toEqual(['security']);

    // And back: A's star survives B's file, which holds A's tag unstarred.
    await importInto(A, 'boris.json', await exportFrom(B));
    expect((await A.backend.call('tags.list', {})).filter((t) => t.favourite).map((t) => t.name)).toEqual(['sanctions']);
  });
});
