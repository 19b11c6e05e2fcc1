/**
 * Reading a `.qdpx` (a ZIP of the project XML and its sources) into plain data, within limits: the
 * file's size and entry count before opening, the bytes inflated as they come out, the XML's depth,
 * element count and the time taken. It accepts what real tools write: `Sources/` for `sources/`
 * (NVivo for Windows), the XML named `<project name>.qde` (ATLAS.ti), GUIDs in braces, a BOM or
 * UTF-16 in texts. Run in an isolate (see handlers.ts), so a file built to exhaust memory costs one
 * refusal.
 */
import JSZip from 'jszip';
import { ATTRIBUTE_NAME_MAX } from '../../../shared/attributes';
import { hasHiddenOrBroken } from '../../../shared/names';
import { AppError } from '../errors';
import { cleanGuid } from './guid';
import { REFI_LIMITS, type RefiLimits } from './limits';
import type { RefiCase, RefiCode, RefiFile, RefiLink, RefiNote, RefiSelection, RefiSet, RefiSkipped, RefiSource, RefiValue, RefiVariable, RefiVariableType } from './model';
import { child, children, parseXmlTree, type XNode } from './xml-tree';

const refuse = (why: string) => new AppError('bad-input', `This REFI-QDA project cannot be read: ${why}. Nothing was imported.`);

/** Inflates one entry, counting the bytes against what is left of the budget; a ZIP that lies about its sizes is stopped mid-way. */
function inflate(entry: JSZip.JSZipObject, budget: { left: number }, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const stream = entry.nodeStream('nodebuffer');
    const fail = (err: AppError) => {
      if (settled) return;
      settled = true;
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget.left) fail(refuse(`${what} inflates to more than the file may hold (a ZIP bomb?)`));
      else chunks.push(chunk);
    });
    stream.on('error', () => fail(refuse(`${what} is damaged in the ZIP`)));
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      budget.left -= size;
      resolve(Buffer.concat(chunks));
    });
  });
}

/** Text from bytes: a UTF-16 BOM decides UTF-16, anything else is UTF-8 (its BOM dropped). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** The project XML: `project.qde` at the top, or the one `.qde` there under another name (ATLAS.ti). */
function findQde(zip: JSZip): JSZip.JSZipObject {
  const top = Object.values(zip.files).filter((f) => !f.dir && !f.name.includes('/') && f.name.toLowerCase().endsWith('.qde'));
  const entry = top.find((f) => f.name.toLowerCase() === 'project.qde') ?? (top.length === 1 ? top[0] : undefined);
  if (!entry) throw refuse(top.length ? 'it holds several .qde files and none is project.qde' : 'it has no project.qde (is it a .qdpx file?)');
  return entry;
}

/**
 * A name as the app's own names are: one line, no control characters, text-direction marks or
 * broken characters (which the API refuses in a name typed in), at most `max` characters.
 */
export function cleanName(raw: string | undefined, max: number): string {
  const kept = Array.from(raw ?? '', (ch) => (/\s/.test(ch) ? ' ' : hasHiddenOrBroken(ch) ? '' : ch)).join('');
  return Array.from(kept.replace(/ {2,}/g, ' ').trim()).slice(0, max).join('').trim();
}

const guidOf = (node: XNode, attr = 'guid') => cleanGuid(node.attrs[attr] ?? '');
const refs = (node: XNode, name: string) => children(node, name).map((r) => guidOf(r, 'targetGUID')).filter((g): g is string => g !== null);
const textOf = (node: XNode | undefined) => node?.text ?? '';
const date = (s: string | undefined) => (s && !Number.isNaN(Date.parse(s)) ? new Date(Date.parse(s)).toISOString() : null);
const COLOR = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;
const VARIABLE_TYPES: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

function color(raw: string | undefined): string | null {
  if (!raw || !COLOR.test(raw.trim())) return null;
  const c = raw.trim().toLowerCase();
  return c.length === 4 ? `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}` : c;
}

function values(node: XNode): RefiValue[] {
  return children(node, 'VariableValue').flatMap((v) => {
    const variable = guidOf(child(v, 'VariableRef') ?? { name: '', attrs: {}, children: [], text: '' }, 'targetGUID');
    const value = v.children.find((c) => c.name.endsWith('Value'));
    return variable && value ? [{ variable, value: value.text.trim() }] : [];
  });
}

function position(raw: string | undefined): number | null {
  const n = Number(raw);
  return raw !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

class Reader {
  readonly file: RefiFile = { name: '', users: [], codes: [], variables: [], cases: [], sources: [], notes: [], links: [], sets: [], projectNotes: [], skipped: [] };
  private readonly texts = new Map<string, JSZip.JSZipObject>();

  constructor(
    zip: JSZip,
    private readonly budget: { left: number },
    private readonly limits: RefiLimits,
  ) {
    // NVivo for Windows writes Sources/, the standard sources/: looked up without regard to case.
    for (const f of Object.values(zip.files)) if (!f.dir) this.texts.set(f.name.toLowerCase(), f);
  }

  skip(kind: RefiSkipped['kind'], name: string, reason: RefiSkipped['reason'], why: string): void {
    this.file.skipped.push({ kind, name: name.slice(0, 200), reason, why });
  }

  codes(nodes: XNode[], parent: string | null): void {
    for (const n of nodes) {
      const guid = guidOf(n);
      if (!guid) continue;
      const code: RefiCode = {
        guid,
        name: cleanName(n.attrs.name, 80),
        color: color(n.attrs.color),
        description: textOf(child(n, 'Description')).trim(),
        codable: n.attrs.isCodable !== 'false',
        parent,
        noteRefs: refs(n, 'NoteRef'),
      };
      this.file.codes.push(code);
      this.codes(children(n, 'Code'), guid);
    }
  }

  /** A TextSource's (or a representation's) text: inline, or the file its plainTextPath names inside the ZIP. */
  async text(n: XNode, index: number): Promise<string | null> {
    const inline = child(n, 'PlainTextContent');
    let text: string | null = inline ? inline.text : null;
    const path = n.attrs.plainTextPath;
    if (text === null && path) {
      const m = /^internal:\/\/(.+)$/i.exec(path.trim());
      const entry = m ? this.texts.get(`sources/${m[1]!.toLowerCase()}`) : undefined;
      if (!entry) return null;
      text = decode(await inflate(entry, this.budget, `the text of source ${index + 1}`));
    }
    if (text !== null && text.length > this.limits.maxText) throw refuse(`the text of source ${index + 1} is longer than ${this.limits.maxText.toLocaleString('en')} characters`);
    return text;
  }

  selections(n: XNode): RefiSelection[] {
    return children(n, 'PlainTextSelection').flatMap((s) => {
      const guid = guidOf(s);
      const start = position(s.attrs.startPosition);
      const end = position(s.attrs.endPosition);
      if (!guid || start === null || end === null) {
        this.skip('selection', s.attrs.name ?? '', 'no-guid', 'it has no valid GUID or position');
        return [];
      }
      const codes = children(s, 'Coding').flatMap((c) => refs(c, 'CodeRef'));
      return [{ guid, start: Math.min(start, end), end: Math.max(start, end), codes, user: guidOf(s, 'creatingUser'), created: date(s.attrs.creationDateTime), noteRefs: [...refs(s, 'NoteRef'), ...children(s, 'Coding').flatMap((c) => refs(c, 'NoteRef'))] }];
    });
  }

  async sources(nodes: XNode[]): Promise<void> {
    let index = 0;
    for (const n of nodes) {
      const i = index++;
      const name = cleanName(n.attrs.name, 300);
      const guid = guidOf(n);
      if (n.name === 'AudioSource' || n.name === 'VideoSource' || n.name === 'PictureSource') {
        this.skip(n.name === 'AudioSource' ? 'audio' : n.name === 'VideoSource' ? 'video' : 'picture', name, 'media', 'Crossread reads text and PDF sources only');
        continue;
      }
      if (n.name !== 'TextSource' && n.name !== 'PDFSource') continue;
      const body = n.name === 'PDFSource' ? child(n, 'Representation') : n;
      const text = body && guid ? await this.text(body, i) : null;
      if (!guid || text === null) {
        if (n.name === 'PDFSource') this.skip('pdf', name, 'no-representation', 'it has no text representation');
        else this.skip('text', name, 'no-text', 'its text is not in the file');
        continue;
      }
      if (children(n, 'PDFSelection').length) this.skip('selection', name, 'pdf-areas', `${children(n, 'PDFSelection').length} area selection(s) on PDF pages are not read`);
      if (children(n, 'Coding').length) this.skip('source-coding', name, 'whole-source', 'codes given to a whole source are not read');
      const source: RefiSource = {
        guid,
        name,
        kind: n.name === 'PDFSource' ? 'pdf' : 'text',
        text,
        description: textOf(child(n, 'Description')).slice(0, 10_000),
        selections: this.selections(body!),
        noteRefs: refs(n, 'NoteRef'),
        values: values(n),
        created: date(n.attrs.creationDateTime),
      };
      this.file.sources.push(source);
    }
  }

  async notes(nodes: XNode[]): Promise<void> {
    let i = 0;
    for (const n of nodes) {
      const guid = guidOf(n);
      const text = guid ? await this.text(n, i++) : null;
      if (guid && text !== null) this.file.notes.push({ guid, text: text.trim(), user: guidOf(n, 'creatingUser'), created: date(n.attrs.creationDateTime) } satisfies RefiNote);
    }
  }

  links(nodes: XNode[]): void {
    for (const n of nodes) {
      const guid = guidOf(n);
      const origin = guidOf(n, 'originGUID');
      const target = guidOf(n, 'targetGUID');
      if (!guid || !origin || !target) continue;
      const d = n.attrs.direction;
      const direction = d === 'OneWay' || d === 'Bidirectional' ? d : 'Associative';
      this.file.links.push({ guid, name: cleanName(n.attrs.name, 80), direction, origin, target, noteRefs: refs(n, 'NoteRef') } satisfies RefiLink);
    }
  }

  sets(nodes: XNode[]): void {
    for (const n of nodes) {
      const guid = guidOf(n);
      const name = cleanName(n.attrs.name, 300);
      const members = children(n, 'MemberSource');
      if (!guid || !name) this.skip('set', name, 'no-guid', 'it has no valid GUID or name');
      else if (members.length > this.limits.maxSetMembers) this.skip('set', name, 'too-many-members', `it names ${members.length.toLocaleString('en')} member sources, more than the ${this.limits.maxSetMembers.toLocaleString('en')} a set may have`);
      else if (!members.length) this.skip('set', name, 'no-sources', 'it groups codes or notes, not sources');
      else this.file.sets.push({ guid, name, sources: [...new Set(refs(n, 'MemberSource'))] } satisfies RefiSet);
    }
  }

  async project(root: XNode): Promise<void> {
    const p = root.children.find((c) => c.name === 'Project');
    if (!p) throw refuse('its XML has no Project element');
    this.file.name = cleanName(p.attrs.name, 300);
    for (const u of children(child(p, 'Users') ?? root, 'User')) {
      const guid = guidOf(u);
      if (guid) this.file.users.push({ guid, name: cleanName(u.attrs.name ?? u.attrs.id, 120) });
    }
    this.codes(children(child(child(p, 'CodeBook') ?? root, 'Codes') ?? root, 'Code'), null);
    for (const v of children(child(p, 'Variables') ?? root, 'Variable')) {
      const guid = guidOf(v);
      const type = VARIABLE_TYPES.find((t) => t === v.attrs.typeOfVariable) ?? 'Text';
      if (guid) this.file.variables.push({ guid, name: cleanName(v.attrs.name, ATTRIBUTE_NAME_MAX), type, description: textOf(child(v, 'Description')).slice(0, 10_000) } satisfies RefiVariable);
    }
    for (const c of children(child(p, 'Cases') ?? root, 'Case')) {
      const guid = guidOf(c);
      if (guid) this.file.cases.push({ guid, name: cleanName(c.attrs.name, 300), values: values(c), sources: refs(c, 'SourceRef') } satisfies RefiCase);
    }
    await this.sources((child(p, 'Sources') ?? root).children);
    await this.notes(children(child(p, 'Notes') ?? root, 'Note'));
    this.links(children(child(p, 'Links') ?? root, 'Link'));
    this.sets(children(child(p, 'Sets') ?? root, 'Set'));
    for (const g of children(child(p, 'Graphs') ?? root, 'Graph')) this.skip('graph', g.attrs.name ?? '', 'not-read', 'graphs are not read');
    this.file.projectNotes = refs(p, 'NoteRef');
  }
}

/** Reads a `.qdpx`; throws bad-input (naming the limit or the fault, never the file's content) when it cannot. */
export async function readQdpx(bytes: Uint8Array, limits: RefiLimits = REFI_LIMITS): Promise<RefiFile> {
  const deadline = Date.now() + limits.maxMs;
  if (bytes.length > limits.maxFileBytes) throw refuse(`it is larger than ${limits.maxFileBytes / 1024 / 1024} MB`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw refuse('it is not a ZIP file (a .qdpx is one)');
  }
  if (Object.keys(zip.files).length > limits.maxEntries) throw refuse(`its ZIP has more than ${limits.maxEntries.toLocaleString('en')} entries`);
  const budget = { left: limits.maxInflatedBytes };
  const qde = await inflate(findQde(zip), { left: Math.min(budget.left, limits.maxXmlBytes) }, 'the project XML');
  budget.left -= qde.length;
  const root = parseXmlTree(decode(qde), 'The project XML', { maxDepth: limits.maxDepth, maxElements: limits.maxElements, deadline });
  const reader = new Reader(zip, budget, limits);
  await reader.project(root);
  if (Date.now() > deadline) throw refuse('reading it took too long');
  return reader.file;
}

/** The isolate's task (tasks.ts): the bytes arrive by structured clone. */
export function readQdpxTask(input: { bytes: Uint8Array }): Promise<RefiFile> {
  return readQdpx(input.bytes);
}
