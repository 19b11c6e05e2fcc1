import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AppError } from '../../../electron/core/errors';
import { nestingDepth, NOTE_MAX_BYTES, NOTE_MAX_DEPTH } from '../../../electron/core/notes/lexical';
import { RICHTEXT_MAX_BYTES, RICHTEXT_MAX_DEPTH } from '../../../electron/core/team/richtext-limits';
import { parseRichTextKey, richTextKey, RichTextRegistry, richTextTypeName, seedRichText } from '../../../electron/core/team/richtext-crdt';
import { mergeText } from '../../../electron/core/team/richtext-reconcile';
import { KAZPRAVDA } from '../core/helpers';
import { blockTexts, bulletList, connectedDocs, corpusParagraphs, editorState, paragraph, typed } from './richtext-helpers';

const KEY = richTextKey({ kind: 'note', owner: 'annotation', id: '0b9c6f1e-4a55-4c1e-9d7a-3f1f7f1c2a10' });
const [P1, P2, P3] = corpusParagraphs(KAZPRAVDA, 3) as [string, string, string];

/** Two replicas of one note, on two docs that relay their updates to each other. */
function twoReplicas(initial: string) {
  const docs = connectedDocs();
  const ra = new RichTextRegistry(docs.a).replica(KEY);
  ra.applyLocal(initial);
  const rb = new RichTextRegistry(docs.b).replica(KEY);
  return { ...docs, ra, rb };
}

describe('a note edited by two people at once', () => {
  it('the second replica sees the note the first one wrote', () => {
    const { rb } = twoReplicas(editorState(paragraph(P1), paragraph(P2)));
    expect(blockTexts(rb.current())).toEqual([P1, P2]);
  });

  it('concurrent typing in different paragraphs keeps both', () => {
    const { ra, rb, offline, online } = twoReplicas(editorState(paragraph(P1), paragraph(P2), paragraph(P3)));
    // Both type before either hears of the other's keystrokes.
    offline();
    ra.applyLocal(typed(ra.current(), 0, 0, 'Alice: '));
    rb.applyLocal(typed(rb.current(), 2, P3.length, ' (Bob)'));
    online();
    const expected = ['Alice: ' + P1, P2, P3 + ' (Bob)'];
    expect(blockTexts(ra.current())).toEqual(expected);
    expect(blockTexts(rb.current())).toEqual(expected);
  });

  it('concurrent typing in the same paragraph merges character by character', () => {
    const { ra, rb, offline, online } = twoReplicas(editorState(paragraph('Rare earths and the Middle Corridor')));
    offline();
    ra.applyLocal(typed(ra.current(), 0, 'Rare earths'.length, ' deposits'));
    rb.applyLocal(typed(rb.current(), 0, 'Rare earths and the '.length, 'Trans-Caspian '));
    online();
    const expected = ['Rare earths deposits and the Trans-Caspian Middle Corridor'];
    expect(blockTexts(ra.current())).toEqual(expected);
    expect(blockTexts(rb.current())).toEqual(expected);
  });

  it('a keystroke save writes only the typed characters, not the whole note again', () => {
    const { a, ra } = twoReplicas(editorState(paragraph(P1), paragraph(P2)));
    const before = Y.encodeStateVector(a);
    ra.applyLocal(typed(ra.current(), 1, 10, 'x'));
    const delta = Y.encodeStateAsUpdate(a, before);
    // The update carries the one inserted character, not the paragraphs' text.
    expect(delta.byteLength).toBeLessThan(64);
  });

  it('a paragraph split by Enter keeps a colleague\'s typing in its first half', () => {
    const { ra, rb, offline, online } = twoReplicas(editorState(paragraph(P1), paragraph('Iran reacted. Gaza peacekeeping')));
    offline();
    const split = editorState(paragraph(P1), paragraph('Iran reacted.'), paragraph('Gaza peacekeeping'));
    ra.applyLocal(split);
    rb.applyLocal(typed(rb.current(), 1, 0, 'Note: '));
    online();
    const expected = [P1, 'Note: Iran reacted.', 'Gaza peacekeeping'];
    expect(blockTexts(ra.current())).toEqual(expected);
    expect(blockTexts(rb.current())).toEqual(expected);
  });

  it('links and line breaks survive the round trip through the shared doc', () => {
    const link = {
      children: [{ detail: 0, format: 0, mode: 'normal', style: '', text: 'Kazpravda.kz', type: 'text', version: 1 }],
      direction: 'ltr', format: '', indent: 0, type: 'link', version: 1, rel: 'noopener noreferrer', target: null, title: null, url: 'https://kazpravda.kz/',
    };
    const withLink = { ...paragraph('Source: '), children: [...paragraph('Source: ').children, link, { type: 'linebreak', version: 1 }, ...paragraph('second line').children] };
    const { rb } = twoReplicas(editorState(withLink));
    const got = (JSON.parse(rb.current()) as { root: { children: { children: { type: string; url?: string }[] }[] } }).root.children[0]!.children;
    expect(got.map((n) => n.type)).toEqual(['text', 'link', 'linebreak', 'text']);
    expect(got[1]!.url).toBe('https://kazpravda.kz/');
    expect(rb.text()).toBe('Source: Kazpravda.kz\nsecond line');
  });

  it('bold, italic and lists survive the round trip through the shared doc', () => {
    const rich = editorState(
      paragraph({ text: '17 bn USD', format: 1 }, ' of deals, ', { text: 'on paper', format: 2 }),
      bulletList('economics', 'security', 'interfaith dialogue'),
    );
    const { ra, rb } = twoReplicas(rich);
    const root = (JSON.parse(rb.current()) as { root: { children: { type: string; listType?: string; children: { format?: number; text?: string; type: string }[] }[] } }).root;
    expect(root.children.map((c) => c.type)).toEqual(['paragraph', 'list']);
    expect(root.children[0]!.children.map((t) => [t.text, t.format])).toEqual([
      ['17 bn USD', 1],
      [' of deals, ', 0],
      ['on paper', 2],
    ]);
    expect(root.children[1]!.listType).toBe('bullet');
    expect(root.children[1]!.children.map((item) => item.type)).toEqual(['listitem', 'listitem', 'listitem']);
    expect(blockTexts(rb.current())[1]).toBe('economicssecurityinterfaith dialogue');
    // And back: the other side makes the second item bold.
    const bolder = JSON.parse(rb.current()) as { root: { children: { children: { children: { format: number }[] }[] }[] } };
    bolder.root.children[1]!.children[1]!.children[0]!.format = 1;
    rb.applyLocal(JSON.stringify(bolder));
    const back = JSON.parse(ra.current()) as typeof bolder;
    expect(back.root.children[1]!.children.map((item) => item.children[0]!.format)).toEqual([0, 1, 0]);
  });

  it('an offline replica\'s edits merge after reconnection', () => {
    const { ra, rb, offline, online } = twoReplicas(editorState(paragraph(P1), paragraph(P2)));
    offline();
    // Bob works alone for a while: several saves, a new paragraph, a deletion.
    let bob = rb.current();
    bob = typed(bob, 0, 0, '[checked] ');
    rb.applyLocal(bob);
    rb.applyLocal(editorState(...(JSON.parse(bob) as { root: { children: object[] } }).root.children, paragraph('Follow up with Zakon.kz')));
    // Meanwhile Alice edits the second paragraph.
    ra.applyLocal(typed(ra.current(), 1, P2.length, ' — disputed'));
    expect(blockTexts(ra.current())).toEqual([P1, P2 + ' — disputed']);
    online();
    const expected = ['[checked] ' + P1, P2 + ' — disputed', 'Follow up with Zakon.kz'];
    expect(blockTexts(ra.current())).toEqual(expected);
    expect(blockTexts(rb.current())).toEqual(expected);
  });

  it("a save from an editor that had not shown a colleague's typing yet keeps that typing", () => {
    const original = editorState(paragraph(P1), paragraph('Rare earths and the Middle Corridor'), paragraph(P3));
    const { ra, rb } = twoReplicas(original);
    const base = ra.current();
    // Bob types in the second and third paragraphs; Alice's replica has it, her editor does not.
    rb.applyLocal(typed(typed(rb.current(), 1, 'Rare earths and the '.length, 'Trans-Caspian '), 2, 0, 'Bob: '));
    // Alice's editor saves what she typed on the state it had loaded.
    ra.applyLocal(typed(typed(base, 0, 0, 'Alice: '), 1, 'Rare earths'.length, ' deposits'), base);
    const expected = ['Alice: ' + P1, 'Rare earths deposits and the Trans-Caspian Middle Corridor', 'Bob: ' + P3];
    expect(blockTexts(ra.current())).toEqual(expected);
    expect(blockTexts(rb.current())).toEqual(expected);
  });

  it("a paragraph the user deleted from a stale editor stays if a colleague edited it meanwhile", () => {
    const { ra, rb } = twoReplicas(editorState(paragraph(P1), paragraph(P2), paragraph(P3)));
    const base = ra.current();
    rb.applyLocal(typed(rb.current(), 1, 0, 'Keep: '));
    const withoutSecond = editorState(...(JSON.parse(base) as { root: { children: object[] } }).root.children.filter((_, i) => i !== 1));
    ra.applyLocal(withoutSecond, base);
    expect(blockTexts(rb.current())).toEqual([P1, 'Keep: ' + P2, P3]);
    // Deleting it from an up-to-date editor deletes it.
    ra.applyLocal(editorState(paragraph(P1), paragraph(P3)));
    expect(blockTexts(rb.current())).toEqual([P1, P3]);
  });

  it('a note both desktops seed from their project files while apart reads once, not twice', () => {
    const { a, b, offline, online } = connectedDocs();
    const note = editorState(paragraph(P1), bulletList('economics', 'security'));
    offline();
    seedRichText(a, KEY, note);
    seedRichText(b, KEY, note);
    online();
    const ra = new RichTextRegistry(a).replica(KEY);
    const rb = new RichTextRegistry(b).replica(KEY);
    expect(blockTexts(ra.current())).toEqual([P1, 'economicssecurity']);
    expect(blockTexts(rb.current())).toEqual(blockTexts(ra.current()));
    // Different notes are not merged into one: both are kept.
    const c = new Y.Doc();
    seedRichText(c, KEY, editorState(paragraph('Alice')));
    seedRichText(c, KEY, editorState(paragraph('Bob')));
    expect(blockTexts(new RichTextRegistry(c).replica(KEY).current()).sort()).toEqual(['Alice', 'Bob']);
  });

  it('a note both sides start while apart keeps both texts (no lost map entry)', () => {
    const { a, b, offline, online } = connectedDocs();
    offline();
    const alice = new RichTextRegistry(a).replica('summary');
    const bob = new RichTextRegistry(b).replica('summary');
    alice.applyLocal(editorState(paragraph('Alice summary')));
    bob.applyLocal(editorState(paragraph('Bob summary')));
    online();
    expect(blockTexts(alice.current()).sort()).toEqual(['Alice summary', 'Bob summary']);
    expect(blockTexts(bob.current())).toEqual(blockTexts(alice.current()));
    // Another registry on the same doc reaches the same replica rather than binding the note twice.
    expect(new RichTextRegistry(a).replica('summary')).toBe(alice);
  });

  it('a remote change is announced by the time the update has been applied, not a tick later', () => {
    const { ra, rb } = twoReplicas(editorState(paragraph(P1)));
    const seen: string[] = [];
    rb.onRemoteChange((json) => seen.push(blockTexts(json)[0]!));
    ra.applyLocal(typed(ra.current(), 0, 0, '!'));
    expect(seen).toEqual(['!' + P1]);
  });

  it("a save the editor cannot take is the saver's error: nothing is sent and the note stays shared", () => {
    const { a, ra, rb } = twoReplicas(editorState(paragraph(P1)));
    const before = Y.encodeStateVector(a);
    // Text straight under the root: every node type is known, the structure is not one Lexical allows.
    const stray = JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'text', version: 1, text: 'stray', format: 0, detail: 0, mode: 'normal', style: '' }] } });
    expect(() => ra.applyLocal(stray)).toThrow(/could not be saved: its structure is not one the editor accepts/);
    expect(Y.encodeStateAsUpdate(a, before).byteLength).toBeLessThan(4);
    expect(ra.refusal).toBeNull();
    ra.applyLocal(typed(ra.current(), 0, 0, 'Still shared: '));
    expect(blockTexts(rb.current())).toEqual(['Still shared: ' + P1]);
  });

  it('a save that is not a valid note is refused and changes nothing', () => {
    const { a, ra } = twoReplicas(editorState(paragraph(P1)));
    const before = Y.encodeStateVector(a);
    expect(() => ra.applyLocal('{"root":{"type":"root","children":[{"type":"script","children":[]}]}}')).toThrow(/not one the editor knows/);
    expect(() => ra.applyLocal('not json')).toThrow(AppError);
    expect(Y.encodeStateAsUpdate(a, before).byteLength).toBeLessThan(4);
    expect(blockTexts(ra.current())).toEqual([P1]);
  });
});

describe('hostile updates to a shared note', () => {
  /** A colleague's doc that writes straight into the note's Y.XmlText, bypassing any editor. */
  function hostile() {
    const { a, b } = connectedDocs();
    const mine = new RichTextRegistry(a).replica(KEY);
    mine.applyLocal(editorState(paragraph(P1)));
    const theirs = b.get(richTextTypeName(KEY), Y.XmlText) as Y.XmlText;
    const refusals: string[] = [];
    mine.onRefused((e) => refusals.push(e.message));
    return { mine, theirs, refusals };
  }

  it('a note grown past the size limit is refused; the replica keeps its last text', () => {
    const { mine, theirs, refusals } = hostile();
    const first = theirs.toDelta()[0].insert as Y.XmlText;
    // Two bytes each in UTF-8: fewer characters than the limit has bytes, still over it.
    const huge = 'Ж'.repeat(RICHTEXT_MAX_BYTES / 2 + 1);
    first.insert(first.length, huge);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/refused: it is larger than 512 KB/);
    expect(refusals[0]).not.toContain('ЖЖЖ');
    expect(blockTexts(mine.current())).toEqual([P1]);
    expect(() => mine.applyLocal(editorState(paragraph('more')))).toThrow(/refused/);
  });

  it('the largest and deepest note this desktop can save still passes on the colleague\'s side', () => {
    const { a, b } = connectedDocs();
    const mine = new RichTextRegistry(a).replica(KEY);
    const theirs = new RichTextRegistry(b).replica(KEY);
    // Nested lists as deep as a saved note may go, then text filling it to just under 512 KB of JSON.
    let block: object = bulletList('deepest');
    for (;;) {
      const item = { children: [block], direction: 'ltr', format: '', indent: 0, type: 'listitem', version: 1, value: 1 };
      const wrapped = { ...bulletList(), children: [item] };
      if (nestingDepth(editorState(wrapped, paragraph(''))) > NOTE_MAX_DEPTH) break;
      block = wrapped;
    }
    const shell = editorState(block, paragraph(''));
    const filler = 'ж'.repeat(Math.floor((NOTE_MAX_BYTES - Buffer.byteLength(shell)) / 2) - 8);
    const json = editorState(block, paragraph(filler));
    expect(Buffer.byteLength(json)).toBeGreaterThan(NOTE_MAX_BYTES - 64);
    mine.applyLocal(json);
    expect(theirs.refusal).toBeNull();
    expect(theirs.text()).toBe(mine.text());
  });

  it('deep nesting is refused before it reaches the editor', () => {
    const { mine, theirs, refusals } = hostile();
    theirs.doc!.transact(() => {
      let parent = theirs;
      for (let i = 0; i < RICHTEXT_MAX_DEPTH + 5; i++) {
        const child = new Y.XmlText();
        parent.insertEmbed(parent.length, child);
        child.setAttribute('__type', 'paragraph');
        parent = child;
      }
    });
    expect(refusals).toEqual([expect.stringMatching(new RegExp(`nests more than ${RICHTEXT_MAX_DEPTH} levels deep`))]);
    expect(blockTexts(mine.current())).toEqual([P1]);
  });

  it('a node type the editor does not know is refused', () => {
    const { mine, theirs, refusals } = hostile();
    theirs.doc!.transact(() => {
      const frame = new Y.XmlText();
      theirs.insertEmbed(theirs.length, frame);
      frame.setAttribute('__type', 'iframe');
    });
    expect(refusals[0]).toMatch(/an element the note editor does not know/);
    expect(blockTexts(mine.current())).toEqual([P1]);
  });
});

describe('field keys', () => {
  it('round-trip for every kind of field and reject anything else', () => {
    for (const owner of [
      { kind: 'note', owner: 'link', id: 'abc-1' },
      { kind: 'memo', owner: 'project' },
      { kind: 'memo', owner: 'tag', id: 't1' },
      { kind: 'summary' },
    ] as const) {
      expect(parseRichTextKey(richTextKey(owner))).toEqual(owner);
    }
    expect(() => parseRichTextKey('note:annotation:../../etc')).toThrow(/not the key/);
    expect(() => parseRichTextKey('memo:claim:1')).toThrow(AppError);
  });
});

describe('merging one text run edited on both sides', () => {
  const base = 'Iran reacted to the Abraham Accords';
  it('keeps both changes when they touch different stretches, in either order', () => {
    expect(mergeText(base, 'Tehran: ' + base, base + ' quickly')).toBe('Tehran: ' + base + ' quickly');
    expect(mergeText(base, base + ' quickly', 'Tehran: ' + base)).toBe('Tehran: ' + base + ' quickly');
  });
  it('keeps both changes made a few characters apart', () => {
    expect(mergeText(base, 'Iran objected to the Abraham Accords', 'Iran reacted sharply to the Abraham Accords, said Tehran')).toBe(
      'Iran objected sharply to the Abraham Accords, said Tehran',
    );
  });
  it("where both changed the same characters, the saver's version of that stretch wins", () => {
    expect(mergeText(base, 'Iran objected to the Abraham Accords', 'Iran responded to the Abraham Accords')).toBe('Iran objected to the Abraham Accords');
    expect(mergeText(base, 'Iran objected to the Abraham Accords!', 'Iran responded to the Abraham Accords')).toBe('Iran objected to the Abraham Accords!');
  });
});
