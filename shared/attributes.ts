import { z } from 'zod';

/**
 * Source attributes ("document variables"): a project defines attributes with a type, each
 * document gets a value. Values are stored as canonical text so one column holds every type and a
 * colleague's file compares byte for byte: numbers as JavaScript prints them, dates as YYYY-MM-DD,
 * yes/no as 'yes' | 'no', a choice as the choice itself.
 */
export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export const AttributeType = z.enum(ATTRIBUTE_TYPES);
export type AttributeType = z.infer<typeof AttributeType>;

/** Who an attribute value belongs to: a document, or (for source grading only) one claim that overrides its document. */
export const ValueOwnerKind = z.enum(['document', 'annotation']);
export type ValueOwnerKind = z.infer<typeof ValueOwnerKind>;

/**
 * The Admiralty (NATO) grading of sources: reliability of the source A–F and credibility of the
 * information 1–6. Built in with the same ids in every project, so colleagues' files agree on them.
 */
export const RELIABILITY_ID = '7a1e0c33-5b2d-4c1f-8e90-0000000000b1';
export const CREDIBILITY_ID = '7a1e0c33-5b2d-4c1f-8e90-0000000000b2';
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITY_GRADES = ['1', '2', '3', '4', '5', '6'] as const;
export const BUILTIN_ATTRIBUTES = ['reliability', 'credibility'] as const;
export type BuiltinAttribute = (typeof BUILTIN_ATTRIBUTES)[number];

export const ATTRIBUTE_NAME_MAX = 80;
export const CHOICE_MAX = 80;
export const CHOICES_MAX = 100;
export const TEXT_VALUE_MAX = 500;

export const AttributeName = z.string().trim().min(1, 'an attribute needs a name').max(ATTRIBUTE_NAME_MAX);
export const Choices = z
  .array(z.string().trim().min(1, 'a choice cannot be empty').max(CHOICE_MAX))
  .max(CHOICES_MAX)
  .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, 'each choice may appear only once');

export const Attribute = z.object({
  id: z.uuid(),
  name: z.string(),
  type: AttributeType,
  /** The choice list, in order (empty unless type is 'choice'). */
  choices: z.array(z.string()),
  /** 'reliability' | 'credibility' for the built-in source grading, null for the project's own. */
  builtin: z.enum(BUILTIN_ATTRIBUTES).nullable(),
  position: z.number().int(),
  createdAt: z.string(),
  modifiedAt: z.string(),
});
export type Attribute = z.infer<typeof Attribute>;

export const AttributeValue = z.object({
  ownerKind: ValueOwnerKind,
  ownerId: z.uuid(),
  attributeId: z.uuid(),
  /** Canonical text (see the top of this file). */
  value: z.string(),
  author: z.string(),
  modifiedAt: z.string(),
});
export type AttributeValue = z.infer<typeof AttributeValue>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function realDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= '0001-01-01';
}

/** Why `value` is not a value of `attr` (in English, for the API and the CLI), or its canonical form. */
export function canonicalValue(attr: Pick<Attribute, 'name' | 'type' | 'choices'>, value: string): { ok: true; value: string } | { ok: false; reason: string } {
  const raw = value.trim();
  const name = `“${attr.name}”`;
  switch (attr.type) {
    case 'text':
      if (raw.length > TEXT_VALUE_MAX) return { ok: false, reason: `a value of ${name} is at most ${TEXT_VALUE_MAX} characters` };
      return { ok: true, value: raw };
    case 'number': {
      const n = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN;
      if (!Number.isFinite(n)) return { ok: false, reason: `${name} takes a number` };
      return { ok: true, value: String(n) };
    }
    case 'date':
      if (!realDay(raw)) return { ok: false, reason: `${name} takes a real date as YYYY-MM-DD` };
      return { ok: true, value: raw };
    case 'boolean':
      if (raw !== 'yes' && raw !== 'no') return { ok: false, reason: `${name} takes yes or no` };
      return { ok: true, value: raw };
    case 'choice': {
      const hit = attr.choices.find((c) => c.toLowerCase() === raw.toLowerCase());
      if (hit === undefined) return { ok: false, reason: `${name} has no choice like that (its choices: ${attr.choices.join(', ') || 'none yet'})` };
      return { ok: true, value: hit };
    }
  }
}

/** Sorting values of one attribute: numbers by size, everything else as text (dates sort as text). */
export function compareValues(type: AttributeType, a: string | undefined, b: string | undefined, choices: readonly string[] = []): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (type === 'number') return Number(a) - Number(b);
  if (type === 'choice') return choices.indexOf(a) - choices.indexOf(b);
  return a.localeCompare(b);
}

/** The Admiralty code of a source/information pair ("B2"), with "?" for a missing half; null when neither is set. */
export function gradeCode(reliability: string | undefined, credibility: string | undefined): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? '?'}${credibility ?? '?'}`;
}
