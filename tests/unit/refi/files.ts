/** REFI-QDA project XML built in the tests, the way other tools write it. */

export const CODE = '6a1f2e3d-4c5b-4a69-8870-9a1b2c3d4e5f';
export const SOURCE = '0b9c8d7e-6f5a-4b3c-9d1e-0f2a3b4c5d6e';
export const USER = '11111111-2222-4333-8444-555555555555';

export interface Sel {
  guid: string;
  start: number;
  end: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A project with one code and one text source (inline text or a path), its selections coded with the code. */
export function projectXml(opts: { sources?: string; text?: string; path?: string; selections?: Sel[]; guid?: (g: string) => string } = {}): string {
  const g = opts.guid ?? ((x: string) => x);
  const sels = (opts.selections ?? [])
    .map((s) => `<PlainTextSelection guid="${g(s.guid)}" startPosition="${s.start}" endPosition="${s.end}" creatingUser="${g(USER)}"><Coding guid="${g(s.guid.replace(/^.{8}/, 'cccccccc'))}"><CodeRef targetGUID="${g(CODE)}"/></Coding></PlainTextSelection>`)
    .join('');
  const body = opts.text !== undefined ? `<PlainTextContent>${esc(opts.text)}</PlainTextContent>` : '';
  const source = `<TextSource guid="${g(SOURCE)}" name="interview.txt"${opts.path ? ` plainTextPath="${opts.path}"` : ''}>${body}${sels}</TextSource>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Built in the test" origin="test">
<Users><User guid="${g(USER)}" name="Dana"/></Users>
<CodeBook><Codes><Code guid="${g(CODE)}" name="tolerance" isCodable="true" color="#A0B0C0"/></Codes></CodeBook>
<Sources>${source}${opts.sources ?? ''}</Sources>
</Project>`;
}

/** UTF-16 offsets of `phrase` in `text`, and the same in code points. */
export function spans(text: string, phrase: string): { units: { start: number; end: number }; points: { start: number; end: number } } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} is not in the text`);
  const cp = (i: number) => [...text.slice(0, i)].length;
  return { units: { start, end: start + phrase.length }, points: { start: cp(start), end: cp(start + phrase.length) } };
}
