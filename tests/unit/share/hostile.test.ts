/**
 * A colleague's file is untrusted. Malformed, huge, deeply nested or prototype-polluting files are
 * refused with a message naming what is wrong, and the project is left exactly as it was; HTML in
 * notes is sanitized.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../electron/core/share/read';
import { claimOn, expectAppError, importCorpus, tempDir } from '../core/helpers';
import { allRows, analyst, asFile, exportFrom, importInto, type Analyst } from './helpers';

async function annotated(): Promise<{ A: Analyst; file: Record<string, unknown> }> {
  const A = await analyst('Aliya');
  const docs = await importCorpus(A.backend);
  await claimOn(A.backend, docs.caravan.id, 'стороны подписали коммерческие соглашения');
  return { A, file: JSON.parse(await exportFrom(A)) as Record<string, unknown> };
}

async function refused(A: Analyst, content: string | Buffer, message: RegExp): Promise<void> {
  const rows = allRows(A.projectPath);
  for (const dryRun of [true, false]) {
    const err = await expectAppError(importInto(A, 'bad.json', content, dryRun), 'bad-input');
    expect(err.message).toMatch(message);
  }
  expect(allRows(A.projectPath)).toEqual(rows);
}

const items = (file: Record<string, unknown>) => (file.first as { items: Record<string, unknown>[] }).items;

describe('hostile annotation files', () => {
  it('refuses malformed JSON, an empty file and non-UTF-8 bytes', async () => {
    const { A } = await annotated();
    await refused(A, '{"type": "AnnotationCollection", "first": {"items": [', /not valid JSON/);
    await refused(A, '   ', /empty/);
    await refused(A, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/);
    await refused(A, '"just a string"', /expected a W3C Web Annotation/);
  });

  it('refuses a 100 MB file before reading it, through the API and from disk', async () => {
    const { A } = await annotated();
    const huge = Buffer.alloc(100 * 1024 * 1024, 0x20);
    const rows = allRows(A.projectPath);
    const err = await expectAppError(A.backend.call('share.import', { file: asFile('huge.json', huge), dryRun: true }), 'bad-input');
    expect(err.message).toMatch(/50 MB/);
    const onDisk = path.join(tempDir(), 'huge.crossread.json');
    fs.writeFileSync(onDisk, '');
    fs.truncateSync(onDisk, 100 * 1024 * 1024);
    const viaPath = await expectAppError(A.backend.call('share.import', { path: onDisk, dryRun: false }), 'bad-input');
    expect(viaPath.message).toMatch(/50 MB/);
    expect(allRows(A.projectPath)).toEqual(rows);
  });

  it('refuses deep nesting before parsing it', async () => {
    const { A } = await annotated();
    await refused(A, `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /nested more than 32 levels/);
  });

  it('names the offending place in a malformed annotation', async () => {
    const { A, file } = await annotated();
    const bad = structuredClone(file);
    const target = items(bad)[0]!.target as { selector: Record<string, unknown>[] };
    target.selector[1] = { type: 'TextPositionSelector', start: 40, end: 10 };
    await refused(A, JSON.stringify(bad), /bad\.json is not a usable annotation file: items\[0\]\.target\.selector\[1\]\.end: a TextPositionSelector needs/);
    const noTarget = structuredClone(file);
    delete items(noTarget)[0]!.target;
    await refused(A, JSON.stringify(noTarget), /items\[0\]\.target/);
    const badTag = structuredClone(file);
    ((badTag['cr:project'] as { tags: Record<string, unknown>[] }).tags[0]!).color = 'url(javascript:alert(1))';
    await refused(A, JSON.stringify(badTag), /cr:project\.tags\[0\]\.color: expected a colour/);
    const longQuote = structuredClone(file);
    (items(longQuote)[0]!.target as { selector: Record<string, unknown>[] }).selector[0]!.exact = 'x'.repeat(100_001);
    await refused(A, JSON.stringify(longQuote), /items\[0\]\.target\.selector\[0\]\.exact: longer than 100000 characters/);
  });

  it('leaves __proto__ and constructor keys inert', async () => {
    const { file } = await annotated();
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    const text = JSON.stringify(file)
      .replace('"type":"AnnotationCollection"', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"type":"AnnotationCollection"')
      .replace('"version":1', '"version":1,"__proto__":{"isAdmin":true}');
    expect(text).toContain('__proto__');
    const result = await importInto(B, 'proto.json', text);
    expect(result.claims.new).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('drops poison keys while parsing, also when they hide behind \\u escapes', () => {
    const parse = (text: string) => parseJson(Buffer.from(text), 'f.json') as { a: Record<string, unknown> };
    for (const key of ['__proto__', '\\u005f_proto__', 'constructo\\u0072', 'prototype']) {
      const parsed = parse(`{"a":{"${key}":{"x":1},"b":3}}`);
      expect(Object.keys(parsed.a)).toEqual(['b']);
      expect(Object.hasOwn(parsed.a, '__proto__')).toBe(false);
    }
    expect(parse('{"a":{"b":"\\u0436"}}').a.b).toBe('ж');
  });

  it('sanitizes script in notes: only safe structure is stored, and it is exported escaped', async () => {
    const { file } = await annotated();
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    const withNote = structuredClone(file);
    items(withNote)[0]!.body = [
      {
        type: 'TextualBody',
        purpose: 'commenting',
        format: 'text/html',
        value: '<p onclick="x()">Hi <img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">link</a> <a href="https://example.org/">ok</a></p><style>p{}</style>',
      },
    ];
    await importInto(B, 'script.json', JSON.stringify(withNote));
    const [claim] = await B.backend.call('annotations.list', {});
    const note = await B.backend.call('notes.get', { kind: 'annotation', id: claim!.id });
    expect(note.text).toBe('Hi link ok');
    expect(note.json).not.toMatch(/onclick|onerror|script|javascript|alert|<img|p\{\}/);
    expect(note.json).toContain('"url":"https://example.org/"');
    const back = await exportFrom(B);
    const bodies = items(JSON.parse(back) as Record<string, unknown>)[0]!.body as { value: string }[];
    expect(bodies.find((b) => b.value.includes('Hi'))!.value).toBe('<p>Hi link <a href="https://example.org/" rel="noopener noreferrer">ok</a></p>');
  });
});
