/**
 * Applying a REFI-QDA project read by read.ts to a project: codes → tags (tree, colours, codebook
 * entry), text and PDF sources → documents, selections → claims with their codings as tags, notes →
 * claim and link notes and memos, links → links, users → authors, variables and cases → attributes.
 * Every record keeps the file's GUID as its id, so importing the same file again adds nothing; a
 * tag or document the project already has (same name, same text) is used rather than doubled.
 *
 * Like the annotation-file import, the preview runs this very merge and rolls it back, so it counts
 * exactly what Import will do; Import is one transaction.
 */
import { canonicalValue, Choices, type AttributeType } from '../../../shared/attributes';
import type { RefiCount, RefiPreview } from '../../../shared/refi';
import { AppError } from '../errors';
import { Memos } from '../memos/memos';
import { noteFromPlain } from '../share/html-note';
import { contentHash } from '../store/documents';
import type { Project } from '../store/project';
import type { NoteKey } from '../store/notes';
import { DESCRIPTION_PARTS, DOCUMENT_FIELDS } from './export';
import { idFromGuid } from './guid';
import { cleanName } from './read';
import type { RefiFile, RefiSkipped, RefiSource, RefiVariable } from './model';
import { CodePoints, detectUnit, LineEnds, type PositionUnit } from './positions';
import { applySets, choiceGroups, type ChoiceGroup } from './sets';

/** Relations one file may add: a file naming a new relation on every link would otherwise add thousands. */
const MAX_NEW_RELATIONS = 20;

/** Thrown inside the transaction of a preview to roll it back; never leaves this file. */
class Preview extends Error {
  constructor(readonly result: RefiPreview) {
    super('preview');
  }
}

const count = (): RefiCount => ({ new: 0, unchanged: 0 });

/** A code's Description split back into the codebook fields export.ts wrote into it. */
function codebookFields(description: string): { definition: string; useWhen: string; avoidWhen: string; example: string } {
  const fields = { definition: '', useWhen: '', avoidWhen: '', example: '' };
  const parts = description.split(/\n\n+/);
  const rest: string[] = [];
  for (const part of parts) {
    const hit = DESCRIPTION_PARTS.find(([, heading]) => part.startsWith(heading));
    if (hit) fields[hit[0]] = part.slice(hit[1].length).trim();
    else rest.push(part);
  }
  fields.definition = rest.join('\n\n').trim();
  return fields;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Outlet, author, date and language from the Description lines export.ts writes; anything else is left out. */
function documentDetails(description: string): { outlet: string; author: string; date: string | null; language: string } {
  const found = { outlet: '', author: '', date: '', language: '' };
  for (const line of description.split(/\r?\n/)) {
    const hit = DOCUMENT_FIELDS.find(([, label]) => line.startsWith(label));
    if (hit) found[hit[0]] = cleanName(line.slice(hit[1].length), 300);
  }
  const date = DAY.test(found.date) && !Number.isNaN(Date.parse(found.date)) ? found.date : null;
  return { outlet: found.outlet, author: found.author, date, language: /^[a-z]{2,3}$/.test(found.language) ? found.language : '' };
}

const ATTRIBUTE_TYPE: Record<RefiVariable['type'], AttributeType> = { Text: 'text', Boolean: 'boolean', Integer: 'number', Float: 'number', Date: 'date', DateTime: 'date' };

/**
 * A choice list for a variable its sets read as a choice: the choices its Description lists when it
 * is such a list (Crossread writes them there; another tool's prose is no list, and names no set's
 * value), then the sets' values.
 */
function choicesOf(v: RefiVariable, group: ChoiceGroup): string[] {
  const listed = Choices.safeParse(v.description.split(' | ').map((c) => c.trim()));
  const isList = listed.success && group.sets.every(({ value }) => listed.data.some((c) => c.toLocaleLowerCase() === value.toLocaleLowerCase()));
  const choices = isList ? [...listed.data] : [];
  for (const { value } of group.sets) if (!choices.some((c) => c.toLocaleLowerCase() === value.toLocaleLowerCase())) choices.push(value);
  return choices;
}

function attributeValue(type: AttributeType, raw: string): string {
  if (type === 'boolean') return /^(true|1|yes)$/i.test(raw) ? 'yes' : /^(false|0|no)$/i.test(raw) ? 'no' : raw;
  if (type === 'date') return raw.slice(0, 10);
  return raw;
}

class RefiMerge {
  readonly result: RefiPreview;
  private readonly users: Map<string, string>;
  private readonly tagIds = new Map<string, string>();
  private readonly claimIds = new Map<string, string>();
  private readonly docIds = new Map<string, string>();
  private readonly linkIds = new Map<string, string>();
  private readonly skipped: RefiSkipped[];
  private newRelations = 0;

  constructor(
    private readonly project: Project,
    private readonly file: RefiFile,
    fileName: string,
    private readonly author: string,
    private readonly now: string,
  ) {
    this.users = new Map(file.users.map((u) => [u.guid, u.name]));
    this.skipped = [...file.skipped];
    this.result = {
      fileName,
      project: file.name,
      applied: false,
      positions: 'code-points',
      documents: count(),
      claims: count(),
      tags: count(),
      notes: count(),
      links: count(),
      attributes: count(),
      values: count(),
      sets: count(),
      authors: file.users.length,
      skipped: this.skipped,
    };
  }

  private exists(table: 'tags' | 'documents' | 'annotations' | 'links', id: string): { live: boolean } | null {
    const row = this.project.database.prepare(`SELECT deleted_at IS NULL AS live FROM ${table} WHERE id = ?`).get(id) as { live: number } | undefined;
    return row ? { live: row.live === 1 } : null;
  }

  private who(user: string | null): string {
    return (user && this.users.get(user)) || this.author;
  }

  run(): void {
    this.tags();
    const unit = detectUnit(this.file.sources.map((s) => ({ raw: s.text, spans: s.selections })));
    this.result.positions = unit;
    for (const s of this.file.sources) this.source(s, unit);
    this.links();
    this.notes();
    this.attributes();
  }

  private tags(): void {
    const p = this.project;
    for (const code of this.file.codes) {
      const id = idFromGuid(code.guid);
      const had = this.exists('tags', id);
      if (had) {
        if (had.live) this.tagIds.set(code.guid, id);
        this.result.tags.unchanged++;
        continue;
      }
      const name = code.name || 'code';
      const same = p.tags.list().find((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      if (same) {
        this.tagIds.set(code.guid, same.id);
        this.result.tags.unchanged++;
        continue;
      }
      p.tags.create(name, code.color ?? undefined, this.now, id);
      const parent = code.parent ? this.tagIds.get(code.parent) : undefined;
      if (parent) p.tags.move(id, parent, undefined, this.now);
      if (code.description) p.tags.describe(id, codebookFields(code.description), this.now);
      this.tagIds.set(code.guid, id);
      this.result.tags.new++;
    }
  }

  private source(s: RefiSource, unit: PositionUnit): void {
    const p = this.project;
    const lines = new LineEnds(s.text);
    const text = lines.text;
    const id = idFromGuid(s.guid);
    const had = this.exists('documents', id);
    let docId: string;
    if (had) {
      if (!had.live) {
        this.skipped.push({ kind: s.kind === 'pdf' ? 'pdf' : 'text', name: s.name, reason: 'deleted', why: 'it was deleted from this project' });
        return;
      }
      docId = id;
      this.result.documents.unchanged++;
    } else if (!text.trim()) {
      this.skipped.push({ kind: s.kind === 'pdf' ? 'pdf' : 'text', name: s.name, reason: 'empty', why: 'its text is empty' });
      return;
    } else {
      const same = p.documents.findByHash(contentHash(text));
      if (same) {
        docId = same.id;
        this.result.documents.unchanged++;
      } else {
        const title = s.name.replace(/\.(txt|pdf|docx?|rtf|md|html?)$/i, '') || 'Untitled';
        docId = p.documents.insert(
          { text, title, ...documentDetails(s.description), format: s.kind === 'pdf' ? 'pdf' : 'txt', encoding: 'utf-8' },
          s.name,
          this.now,
          id,
        ).id;
        this.result.documents.new++;
      }
    }
    this.docIds.set(s.guid, docId);
    const points = new CodePoints(s.text);
    const toText = (pos: number) => lines.toText(unit === 'code-points' ? points.toUnits(pos) : pos);
    for (const sel of s.selections) {
      const claimId = idFromGuid(sel.guid);
      const hadClaim = this.exists('annotations', claimId);
      if (hadClaim) {
        if (hadClaim.live) this.claimIds.set(sel.guid, claimId);
        this.result.claims.unchanged++;
        continue;
      }
      const start = toText(sel.start);
      const end = toText(sel.end);
      if (end > text.length || end <= start) {
        this.skipped.push({ kind: 'selection', name: s.name, reason: 'outside', why: `a selection at ${sel.start}–${sel.end} lies outside the source's text` });
        continue;
      }
      const tagIds = [...new Set(sel.codes.map((c) => this.tagIds.get(c)).filter((t): t is string => t !== undefined))];
      try {
        p.annotations.create({ documentId: docId, start, end, tagIds }, this.who(sel.user), this.now, claimId);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        this.skipped.push({ kind: 'selection', name: s.name, reason: 'blank', why: `a selection at ${sel.start}–${sel.end} holds no text` });
        continue;
      }
      this.claimIds.set(sel.guid, claimId);
      this.result.claims.new++;
    }
  }

  private links(): void {
    const p = this.project;
    for (const l of this.file.links) {
      const id = idFromGuid(l.guid);
      if (this.exists('links', id)) {
        this.linkIds.set(l.guid, id);
        this.result.links.unchanged++;
        continue;
      }
      const fromId = this.claimIds.get(l.origin);
      const toId = this.claimIds.get(l.target);
      if (!fromId || !toId || fromId === toId) {
        this.skipped.push({ kind: 'link', name: l.name, reason: 'not-between-selections', why: 'it does not join two text selections of this file' });
        continue;
      }
      const name = l.name || 'related';
      let relation = p.relations.list().find((r) => r.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      if (!relation) {
        if (this.newRelations >= MAX_NEW_RELATIONS) {
          this.skipped.push({ kind: 'link', name, reason: 'too-many-relations', why: `the file names more than ${MAX_NEW_RELATIONS} new kinds of link` });
          continue;
        }
        relation = p.relations.create({ name, symmetric: l.direction !== 'OneWay' }, this.now);
        this.newRelations++;
      }
      try {
        p.links.create({ fromId, toId, relationId: relation.id }, this.author, this.now, id);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        this.result.links.unchanged++;
        continue;
      }
      this.linkIds.set(l.guid, id);
      this.result.links.new++;
    }
  }

  private notes(): void {
    const byGuid = new Map(this.file.notes.map((n) => [n.guid, n]));
    const owners = new Map<string, { key: NoteKey; guids: string[] }>();
    const attach = (key: NoteKey | null, guids: readonly string[]) => {
      if (!key || !guids.length) return;
      const k = `${key.kind}:${key.id}`;
      const entry = owners.get(k) ?? { key, guids: [] };
      entry.guids.push(...guids.filter((g) => byGuid.has(g) && !entry.guids.includes(g)));
      owners.set(k, entry);
    };
    const ref = (map: Map<string, string>, guid: string, kind: NoteKey['kind']) => (map.has(guid) ? { kind, id: map.get(guid)! } : null);
    for (const s of this.file.sources) {
      attach(ref(this.docIds, s.guid, 'document'), s.noteRefs);
      for (const sel of s.selections) attach(ref(this.claimIds, sel.guid, 'annotation'), sel.noteRefs);
    }
    for (const c of this.file.codes) attach(ref(this.tagIds, c.guid, 'tag'), c.noteRefs);
    for (const l of this.file.links) attach(ref(this.linkIds, l.guid, 'link'), l.noteRefs);
    if (this.file.projectNotes.length) attach(new Memos(this.project).key({ kind: 'project' }, true), this.file.projectNotes);

    const used = new Set<string>();
    for (const { key, guids } of owners.values()) {
      const notes = guids.map((g) => byGuid.get(g)!).filter((n) => n.text);
      for (const g of guids) used.add(g);
      if (!notes.length) continue;
      if (this.project.notes.row(key)?.text) {
        this.result.notes.unchanged++;
        continue;
      }
      const { json } = noteFromPlain(notes.map((n) => n.text).join('\n\n'));
      this.project.notes.store(key, json, this.who(notes[0]!.user), this.now);
      this.result.notes.new++;
    }
    for (const n of this.file.notes) {
      if (!used.has(n.guid) && n.text) this.skipped.push({ kind: 'note', name: n.text.split('\n', 1)[0]!.slice(0, 80), reason: 'unreferenced', why: 'nothing in the file refers to it' });
    }
  }

  private attributes(): void {
    const p = this.project;
    const attrOf = new Map<string, { id: string; type: AttributeType; name: string; choices: string[] }>();
    const lower = (name: string) => name.toLocaleLowerCase();
    const yesNo = new Set([...p.attributes.list().filter((a) => a.type === 'boolean').map((a) => lower(a.name)), ...this.file.variables.filter((v) => v.type === 'Boolean').map((v) => lower(v.name))]);
    const groups = choiceGroups(this.file.sets, new Set([...p.attributes.list(), ...this.file.variables].map((a) => lower(a.name))), yesNo);
    for (const v of this.file.variables) {
      const known = p.attributes.list().find((a) => a.id === idFromGuid(v.guid) || a.name.toLocaleLowerCase() === v.name.toLocaleLowerCase());
      if (known) {
        attrOf.set(v.guid, known);
        this.result.attributes.unchanged++;
      } else if (v.name) {
        const group = v.type === 'Text' ? groups.get(lower(v.name)) : undefined;
        attrOf.set(v.guid, p.attributes.create(group ? { name: v.name, type: 'choice', choices: choicesOf(v, group) } : { name: v.name, type: ATTRIBUTE_TYPE[v.type], choices: [] }, this.now));
        this.result.attributes.new++;
      }
    }
    const current = new Set(p.attributes.values().filter((v) => v.ownerKind === 'document').map((v) => `${v.ownerId}:${v.attributeId}`));
    const set = (docId: string, variable: string, raw: string, where: string) => {
      const attr = attrOf.get(variable);
      if (!attr || !raw) return;
      if (current.has(`${docId}:${attr.id}`)) {
        this.result.values.unchanged++;
        return;
      }
      const value = canonicalValue(attr, attributeValue(attr.type, raw));
      if (!value.ok) {
        this.skipped.push({ kind: 'value', name: where, reason: 'bad-value', why: `a value of “${attr.name}” does not fit its type` });
        return;
      }
      p.attributes.setValue({ kind: 'document', id: docId }, attr.id, value.value, this.author, this.now);
      current.add(`${docId}:${attr.id}`);
      this.result.values.new++;
    };
    for (const s of this.file.sources) {
      const docId = this.docIds.get(s.guid);
      if (docId) for (const v of s.values) set(docId, v.variable, v.value, s.name);
    }
    for (const c of this.file.cases) {
      for (const source of c.sources) {
        const docId = this.docIds.get(source);
        if (docId) for (const v of c.values) set(docId, v.variable, v.value, c.name);
      }
    }
    applySets({ project: p, docIds: this.docIds, skipped: this.skipped, count: this.result.sets, current, author: this.author, now: this.now }, this.file.sets, groups);
  }
}

/** Merges `file` into the project; with `dryRun` the merge is rolled back and only its report returned. */
export function applyRefi(project: Project, file: RefiFile, fileName: string, author: string, dryRun: boolean): RefiPreview {
  try {
    return project.write((now) => {
      const merge = new RefiMerge(project, file, fileName, author, now);
      merge.run();
      const result = { ...merge.result, applied: !dryRun };
      if (dryRun) throw new Preview(result);
      return result;
    });
  } catch (err) {
    if (err instanceof Preview) return err.result;
    throw err;
  }
}
