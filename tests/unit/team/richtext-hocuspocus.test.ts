import { HocuspocusProvider } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { richTextKey, RichTextRegistry, type RichTextReplica } from '../../../electron/core/team/richtext-crdt';
import { ZAKON } from '../core/helpers';
import { blockTexts, corpusParagraphs, editorState, paragraph, typed } from './richtext-helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(): Promise<string> {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
  cleanups.push(() => server.destroy());
  return server.webSocketURL;
}

/** A desktop's side: its own doc, connected to the server, with the note's replica. */
async function connect(url: string, key: string): Promise<{ provider: HocuspocusProvider; replica: RichTextReplica }> {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url, name: 'project-under-test', document: doc });
  cleanups.push(() => provider.destroy());
  await until(() => provider.isSynced);
  return { provider, replica: new RichTextRegistry(doc).replica(key) };
}

/** Waits for a condition the network will make true; the test's own timeout bounds it. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('a note typed into by two desktops through a Hocuspocus server', () => {
  it('both people type into the same note at once and both see every character', async () => {
    const url = await startServer();
    const key = richTextKey({ kind: 'note', owner: 'annotation', id: 'c6a1f8d2-6e0b-4a3e-8f43-0d4f6c9a7b21' });
    const [first, second] = corpusParagraphs(ZAKON, 2) as [string, string];
    const alice = await connect(url, key);
    alice.replica.applyLocal(editorState(paragraph(first), paragraph(second)));
    const bob = await connect(url, key);
    await until(() => blockTexts(bob.replica.current()).length === 2);

    // Each types a word a keystroke at a time, in turns, without waiting for the other's echo.
    const aliceWord = 'Alice';
    const bobWord = 'Bob';
    for (let i = 0; i < Math.max(aliceWord.length, bobWord.length); i++) {
      if (i < aliceWord.length) alice.replica.applyLocal(typed(alice.replica.current(), 0, i, aliceWord[i]!));
      if (i < bobWord.length) bob.replica.applyLocal(typed(bob.replica.current(), 0, first.length + i, bobWord[i]!));
    }
    const expected = [aliceWord + first + bobWord, second];
    await until(() => blockTexts(alice.replica.current())[0] === expected[0] && blockTexts(bob.replica.current())[0] === expected[0]);
    expect(blockTexts(alice.replica.current())).toEqual(expected);
    expect(blockTexts(bob.replica.current())).toEqual(expected);
  });
});
