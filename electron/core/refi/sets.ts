/**
 * Sets of sources read back as Crossread's document groups, which are attribute values. Sets named
 * "<attribute>: <value>" whose members do not overlap (Crossread's own export of a choice attribute,
 * or another tool's partition of its sources) become that choice attribute; any other set becomes a
 * yes/no attribute named after it, "yes" on its members. A document that already has a value keeps
 * it, so importing the same file again changes nothing.
 */
import { ATTRIBUTE_NAME_MAX, CHOICE_MAX, CHOICES_MAX, canonicalValue, type Attribute } from '../../../shared/attributes';
import type { RefiCount } from '../../../shared/refi';
import type { Project } from '../store/project';
import type { RefiSet, RefiSkipped } from './model';

const PAIR = /^(.+?): (.+)$/;

/** Sets read as the values of one choice attribute. */
export interface ChoiceGroup {
  attribute: string;
  /** Each set with the value it stands for, in the file's order. */
  sets: { set: RefiSet; value: string }[];
}

/**
 * The "<attribute>: <value>" groups that are safe to read as a choice attribute: distinct values
 * that fit a choice list, members in at most one set of the group, and either two sets or more or
 * an attribute of that name in the file or the project (one set alone could be any name with a
 * colon). `yesNo` names sets that stand for a yes/no attribute and so are left out.
 */
export function choiceGroups(sets: readonly RefiSet[], attributeNames: ReadonlySet<string>, yesNo: ReadonlySet<string>): Map<string, ChoiceGroup> {
  const found = new Map<string, ChoiceGroup>();
  for (const set of sets) {
    const m = PAIR.exec(set.name);
    if (!m || yesNo.has(set.name.toLocaleLowerCase())) continue;
    const attribute = m[1]!.trim();
    const key = attribute.toLocaleLowerCase();
    const group = found.get(key) ?? { attribute, sets: [] };
    group.sets.push({ set, value: m[2]!.trim() });
    found.set(key, group);
  }
  for (const [key, g] of found) {
    const values = g.sets.map((s) => s.value.toLocaleLowerCase());
    const members = g.sets.flatMap((s) => s.set.sources);
    const safe =
      g.attribute.length <= ATTRIBUTE_NAME_MAX &&
      g.sets.length <= CHOICES_MAX &&
      g.sets.every((s) => s.value.length <= CHOICE_MAX) &&
      new Set(values).size === values.length &&
      new Set(members).size === members.length &&
      (g.sets.length > 1 || attributeNames.has(key));
    if (!safe) found.delete(key);
  }
  return found;
}

export interface SetTarget {
  project: Project;
  /** Crossread document ids by the file's source GUIDs: the sources this import has in the project. */
  docIds: ReadonlyMap<string, string>;
  skipped: RefiSkipped[];
  count: RefiCount;
  /** Values given by this import so far (`<document>:<attribute>`). */
  current: Set<string>;
  author: string;
  now: string;
}

/** Gives `value` of `attr` to the members of `set` that have no value of it yet; counts the set. */
function apply(t: SetTarget, set: RefiSet, attr: Attribute, value: string): void {
  const canonical = canonicalValue(attr, value);
  if (!canonical.ok) {
    t.skipped.push({ kind: 'set', name: set.name, reason: 'bad-value', why: `its value does not fit “${attr.name}”` });
    return;
  }
  let added = 0;
  let unknown = 0;
  for (const source of set.sources) {
    const docId = t.docIds.get(source);
    if (!docId) {
      unknown++;
      continue;
    }
    if (t.current.has(`${docId}:${attr.id}`)) continue;
    t.project.attributes.setValue({ kind: 'document', id: docId }, attr.id, canonical.value, t.author, t.now);
    t.current.add(`${docId}:${attr.id}`);
    added++;
  }
  if (unknown) t.skipped.push({ kind: 'set', name: set.name, reason: 'unknown-members', why: `${unknown} of its members are not sources imported from this file` });
  if (added) t.count.new++;
  else t.count.unchanged++;
}

const byName = (p: Project, name: string) => p.attributes.list().find((a) => a.name.toLocaleLowerCase() === name.toLocaleLowerCase());

/** Applies the file's sets; attributes the file's variables made are already in the project. */
export function applySets(t: SetTarget, sets: readonly RefiSet[], groups: ReadonlyMap<string, ChoiceGroup>): void {
  const grouped = new Set([...groups.values()].flatMap((g) => g.sets.map((s) => s.set.guid)));
  for (const g of groups.values()) {
    const attr = byName(t.project, g.attribute) ?? t.project.attributes.create({ name: g.attribute, type: 'choice', choices: g.sets.map((s) => s.value) }, t.now);
    for (const { set, value } of g.sets) apply(t, set, attr, value);
  }
  for (const set of sets) {
    if (grouped.has(set.guid)) continue;
    const name = Array.from(set.name).slice(0, ATTRIBUTE_NAME_MAX).join('').trim();
    const known = byName(t.project, name);
    if (known && known.type !== 'boolean') {
      t.skipped.push({ kind: 'set', name: set.name, reason: 'name-taken', why: `the project has an attribute of that name that is not yes/no` });
      continue;
    }
    apply(t, set, known ?? t.project.attributes.create({ name, type: 'boolean', choices: [] }, t.now), 'yes');
  }
}
