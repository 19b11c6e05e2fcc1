/** `crossread tags --tree` and `crossread codebook` as users run them, on the corpus. */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimOn, importCorpus, tempDir, withProject } from '../core/helpers';
import { ensureBuilt, runCli } from './helpers';

beforeAll(ensureBuilt, 180_000);

/** economic ▸ sanctions (described), security, interfaith; two claims coded. */
async function codedProject() {
  const fx = await withProject();
  const { kazpravda } = await importCorpus(fx.backend);
  const [economic, security] = await fx.backend.call('tags.list', {});
  const sanctions = await fx.backend.call('tags.create', { name: 'sanctions' });
  await fx.backend.call('tags.move', { id: sanctions.id, parentId: economic!.id });
  await fx.backend.call('tags.describe', { id: sanctions.id, definition: 'Ограничительные меры', useWhen: 'names a sanction', avoidWhen: '=HYPERLINK("x")', example: '<script>alert(1)</script>' });
  await claimOn(fx.backend, kazpravda.id, 'Вашингтон', [sanctions.id, economic!.id]);
  await claimOn(fx.backend, kazpravda.id, 'Казахстан', [security!.id]);
  fx.backend.close();
  return fx;
}

describe('crossread tags --tree and crossread codebook', () => {
  it('prints the tags as a tree with their claim counts, as text and as nested JSON', async () => {
    const fx = await codedProject();
    const text = await runCli(['tags', '--project', fx.projectPath, '--tree'], fx.home);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n').map((l) => l.replace(/ {2}[0-9a-f-]{36}$/, ''))).toEqual([
      'economic (1 claim)',
      '  sanctions (1 claim)',
      'security (1 claim)',
      'interfaith (0 claims)',
      '',
    ]);
    const json = JSON.parse((await runCli(['tags', '-p', fx.projectPath, '--tree', '--json'], fx.home)).stdout) as { name: string; children: { name: string; definition: string }[] }[];
    expect(json.map((n) => n.name)).toEqual(['economic', 'security', 'interfaith']);
    expect(json[0]!.children).toMatchObject([{ name: 'sanctions', definition: 'Ограничительные меры' }]);
  }, 60_000);

  it('writes the codebook in each format with the hierarchy and the entries, their text escaped', async () => {
    const fx = await codedProject();
    const dir = tempDir();
    const out = (f: string) => path.join(dir, `codebook.${f}`);
    for (const format of ['md', 'html', 'csv', 'docx']) {
      const r = await runCli(['codebook', '--project', fx.projectPath, '--format', format, '--out', out(format), '--lang', 'ru'], fx.home);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const md = fs.readFileSync(out('md'), 'utf8');
    expect(md).toContain('## economic');
    expect(md).toContain('### economic ▸ sanctions');
    expect(md).toContain('**Определение:** Ограничительные меры');
    // The claim coded with both economic and its subtag counts once for economic.
    expect(md).toContain('## economic\n\n*1 утверждение*');
    const html = fs.readFileSync(out('html'), 'utf8');
    expect(html).toContain('<h3>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    const csv = fs.readFileSync(out('csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffid,path,name,level,claims,claims_with_subtags,definition,use_when,avoid_when,example,color');
    expect(csv).toContain(`economic ▸ sanctions,sanctions,2,1,1,Ограничительные меры,names a sanction,"'=HYPERLINK(""x"")"`);
    const docx = await (await JSZip.loadAsync(fs.readFileSync(out('docx')))).file('word/document.xml')!.async('string');
    expect(docx).toContain('economic ▸ sanctions');
    expect(docx).toContain('Ограничительные меры');
  }, 60_000);

  it('a codebook with an unknown format exits with 2 and writes nothing', async () => {
    const fx = await codedProject();
    const file = path.join(tempDir(), 'c.pdf');
    const r = await runCli(['codebook', '--project', fx.projectPath, '--format', 'pdf', '--out', file], fx.home);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be one of html, docx, md, csv, qdc.');
    expect(fs.existsSync(file)).toBe(false);
  }, 60_000);
});
