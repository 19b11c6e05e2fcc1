/** Intercoder agreement through the API, on the corpus coded by two authors in turn. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { claimOn, expectAppError, fileHash, importCorpus, withProject } from '../core/helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';
const C1 = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';

async function as(backend: Backend, author: string) {
  await backend.call('settings.update', { author });
}

/** The corpus coded by Alice and by Bob: they agree on K1, differ on K2's extent and on C1's tag. */
async function twoCoders() {
  const fx = await withProject();
  const { kazpravda, caravan } = await importCorpus(fx.backend);
  const tags = await fx.backend.call('tags.list', {});
  const economic = tags.find((t) => t.name === 'economic')!;
  const security = tags.find((t) => t.name === 'security')!;
  await as(fx.backend, 'Alice');
  await claimOn(fx.backend, kazpravda.id, K1, [economic.id]);
  await claimOn(fx.backend, kazpravda.id, K2, [economic.id]);
  await claimOn(fx.backend, caravan.id, C1, [economic.id]);
  await as(fx.backend, 'Bob');
  await claimOn(fx.backend, kazpravda.id, K1, [economic.id]);
  await claimOn(fx.backend, kazpravda.id, 'Казахстан как транспортный хаб', [economic.id]);
  const c1 = await claimOn(fx.backend, caravan.id, C1, [security.id]);
  return { ...fx, kazpravda, caravan, economic, security, c1 };
}

describe('intercoder agreement of the corpus coded by two authors', () => {
  it('reports both authors, per-tag and per-document figures, and the disagreements with their claims', async () => {
    const { backend, kazpravda, caravan, economic, security } = await twoCoders();
    const r = await backend.call('agreement.get', {});
    expect(r.authors).toEqual(['Alice', 'Bob']);
    expect(r.tags.map((t) => t.id)).toEqual([economic.id, security.id]);
    expect(r.byDocument.map((d) => [d.label, d.documents])).toEqual([
      ['kazpravda-2025-11-07-velizade', 1],
      ['caravan-2025-11-kazantsev', 1],
      ['zakon-2026-03-02-badamov', 0],
    ]);
    // Kazpravda: both coded the same paragraphs with economic, so they agree fully there.
    const kaz = r.byDocument.find((d) => d.id === kazpravda.id)!.pairs[0]!;
    expect(kaz.paragraph).toMatchObject({ agreement: 1, kappa: 1 });
    // Caravan: one paragraph economic for Alice, security for Bob: both tags disagree on it.
    const car = r.byDocument.find((d) => d.id === caravan.id)!.pairs[0]!;
    expect(car.paragraph.agreement).toBeLessThan(1);
    expect(car.paragraph.kappa).toBeLessThan(0.01);
    expect(r.disagreements.map((d) => [d.kind, d.left?.author, d.right?.author])).toEqual([
      ['extent', 'Alice', 'Bob'],
      ['differentTags', 'Alice', 'Bob'],
    ]);
    const claims = await backend.call('annotations.list', {});
    const ids = new Set(claims.map((c) => c.id));
    for (const d of r.disagreements) expect(ids.has(d.left!.claimId) && ids.has(d.right!.claimId)).toBe(true);
  });

  it('leaves a deleted claim out: a document an author no longer coded does not count as their "no"', async () => {
    const { backend, c1, caravan } = await twoCoders();
    await backend.call('annotations.delete', { id: c1.id });
    const r = await backend.call('agreement.get', {});
    expect(r.disagreements.map((d) => d.kind)).toEqual(['extent']);
    expect(r.byDocument.find((d) => d.id === caravan.id)!.documents).toBe(0);
    expect(r.overall.documents).toBe(1);
  });

  it('refuses an author with no claims and a tag that does not exist, by name and without echoing more', async () => {
    const { backend } = await twoCoders();
    const err = await expectAppError(backend.call('agreement.get', { authors: ['Alice', 'Bobb'] }), 'bad-input');
    expect(err.message).toBe('No claim in this project is by “Bobb”.');
    await expectAppError(backend.call('agreement.get', { tagIds: ['00000000-0000-4000-8000-000000000009'] }), 'not-found');
  });

  it('exports the figures as CSV and HTML with hostile author names escaped', async () => {
    const { backend, kazpravda, economic } = await twoCoders();
    await as(backend, '=HYPERLINK("x")<script>alert(1)</script>');
    await claimOn(backend, kazpravda.id, K1, [economic.id]);
    const csv = await backend.call('agreement.build', { format: 'csv', language: 'en' });
    expect(csv.fileName).toBe('Intercoder agreement.csv');
    const text = Buffer.from(csv.dataBase64, 'base64').toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeffscope,author_a,author_b,level,units,agreement,kappa,alpha');
    expect(text).toContain('All tags and documents,Alice,Bob,paragraph,');
    expect(text).toContain(`"'=HYPERLINK(""x"")<script>alert(1)</script>"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
    const html = await backend.call('agreement.build', { format: 'html', language: 'ru', authors: ['Alice', 'Bob'] });
    const page = Buffer.from(html.dataBase64, 'base64').toString('utf8');
    expect(html.fileName).toBe('Согласованность кодировщиков.html');
    expect(page).toContain('<h1>Согласованность кодировщиков: Test project</h1>');
    expect(page).toContain('разные границы');
    expect(page).not.toContain('<script>');
  });

  it('writes the report where the desktop save dialog said, and a bad query writes nothing', async () => {
    const { backend, home } = await twoCoders();
    const out = path.join(home, 'agreement.html');
    const written = await backend.call('agreement.write', { format: 'html', language: 'en', path: out });
    expect(written.bytes).toBe(fs.statSync(out).size);
    expect(fs.readFileSync(out, 'utf8')).toContain('Krippendorff');
    const before = fileHash(out);
    await expectAppError(backend.call('agreement.write', { format: 'csv', language: 'en', path: out, authors: ['Nobody'] }), 'bad-input');
    expect(fileHash(out)).toBe(before);
  });
});
