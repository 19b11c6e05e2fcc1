/** Memos in the dossier: only those the analyst chose, the project memo first, in every format that has prose. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Dossier } from '../../../shared/dossier';
import { expectAppError, lexicalNote } from '../core/helpers';
import { corpusProject, richNote } from './fixture';

async function withMemos() {
  const fx = await corpusProject();
  const b = fx.backend;
  await b.call('memos.save', { owner: { kind: 'project' }, json: richNote() });
  await b.call('memos.save', { owner: { kind: 'tag', id: fx.tags.economic.id }, json: lexicalNote('Экономика: сделки и металлы') });
  await b.call('memos.save', { owner: { kind: 'document', id: fx.docs.zakon.id }, json: lexicalNote('Бадамов осторожен') });
  return fx;
}

const text = (r: { dataBase64: string }) => Buffer.from(r.dataBase64, 'base64').toString('utf8');

describe('memos in the dossier', () => {
  it('holds none unless chosen, then the chosen ones with owner, author and rich text, the project memo first', async () => {
    const fx = await withMemos();
    const b = fx.backend;
    expect(Dossier.parse(JSON.parse(text(await b.call('export.build', { format: 'json', options: {} })))).memos).toEqual([]);
    const options = { memos: [`tag:${fx.tags.economic.id}`, 'project'] };
    const d = Dossier.parse(JSON.parse(text(await b.call('export.build', { format: 'json', options }))));
    expect(d.memos.map((m) => [m.kind, m.owner])).toEqual([
      ['project', ''],
      ['tag', 'economic'],
    ]);
    expect(d.memos[0]!.body.blocks.length).toBeGreaterThan(0);
    expect(d.memos[1]!.body.text).toBe('Экономика: сделки и металлы');

    const md = text(await b.call('export.build', { format: 'md', options: { ...options, language: 'ru' } }));
    expect(md).toMatch(/## Мемо\n\n### Мемо проекта\n/);
    expect(md).toContain('### К тегу «economic»');
    expect(md).not.toContain('Бадамов осторожен');
    const html = text(await b.call('export.build', { format: 'html', options }));
    expect(html).toMatch(/<h2 id="memos">Memos<\/h2>[\s\S]*<h3>Project memo<\/h3>[\s\S]*<strong>/);
    const docx = await JSZip.loadAsync(Buffer.from((await b.call('export.build', { format: 'docx', options })).dataBase64, 'base64'));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('Project memo');
    expect(xml).toContain('Экономика: сделки и металлы');
  });

  it('refuses a memo reference that is not project, document:<id> or tag:<id>, and builds nothing', async () => {
    const fx = await withMemos();
    await expectAppError(fx.backend.call('export.build', { format: 'json', options: { memos: ['../etc/passwd'] } }), 'bad-input');
  });
});
