import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, formatOf } from '../../../electron/core/import';
import { importError, utf8 } from './helpers';

describe('import limits and refusals', () => {
  it('refuses a file over the size limit, stating its size and the limit', async () => {
    const bytes = Buffer.alloc(50 * 1024 * 1024, 'a');
    const error = await importError('huge.txt', bytes);
    expect(error.message).toBe(
      '"huge.txt" is 50.0 MB; Crossread imports files up to 20 MB, so split it into smaller files and import them one by one.',
    );
  });

  it('shows two decimals when one would make the size look equal to the limit', async () => {
    const error = await importError('edge.md', Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 20_000, 'a'));
    expect(error.message).toContain('"edge.md" is 20.02 MB; Crossread imports files up to 20 MB');
  });

  it('refuses text longer than the character limit', async () => {
    const bytes = Buffer.alloc(IMPORT_LIMITS.maxTextChars + 1, 'a');
    const error = await importError('long.txt', bytes);
    expect(error.message).toBe(
      '"long.txt" holds 5,000,001 characters of text; Crossread imports documents up to 5,000,000 characters, so split it into smaller files and import them one by one.',
    );
  });

  it('refuses an empty file', async () => {
    const error = await importError('empty.txt', new Uint8Array(0));
    expect(error.message).toBe('"empty.txt" is empty (0 bytes); check that you chose the right file.');
  });

  it('refuses a file that holds only whitespace or only the date header', async () => {
    const blank = await importError('blank.md', utf8(' \n\r\n\t  '));
    expect(blank.message).toBe('"blank.md" is empty: it contains no readable text; check that you chose the right file.');
    const headerOnly = await importError('header.txt', utf8(' date 2025-11-07 \n'));
    expect(headerOnly.message).toContain('"header.txt" is empty');
    const emptyHtml = await importError('page.html', utf8('<html><body><script>x()</script><p> </p></body></html>'));
    expect(emptyHtml.message).toContain('"page.html" is empty');
  });

  it('refuses an unknown extension, naming the supported types', async () => {
    const error = await importError('report.epub', utf8('PK'));
    expect(error.message).toBe(
      '"report.epub" is not a supported file type; Crossread imports plain text (.txt), Markdown (.md), HTML (.html, .htm), Word (.docx) and PDF (.pdf) files, so save it in one of these formats and import again.',
    );
    const bare = await importError('/home/me/README', utf8('hello'));
    expect(bare.message).toContain('"README" is not a supported file type');
  });

  it('picks the importer by extension, case-insensitively', () => {
    expect(formatOf('a.TXT')).toBe('txt');
    expect(formatOf('a.text')).toBe('txt');
    expect(formatOf('a.md')).toBe('md');
    expect(formatOf('a.Markdown')).toBe('md');
    expect(formatOf('a.htm')).toBe('html');
    expect(formatOf('a.html')).toBe('html');
    expect(formatOf('C:\\docs\\a.docx')).toBe('docx');
    expect(formatOf('a.doc')).toBeNull();
    expect(formatOf('txt')).toBeNull();
  });
});
