import type { Attribute, AttributeValue } from '../../shared/attributes';
import type { Annotation, DocumentMeta } from '../../shared/contract';
import type { Backend } from '../core/backend';

export const ATTRIBUTES_USAGE = `  attributes --project P [--json]       List the source attributes, each document's values
                                        and the claims whose source grading overrides them`;

const one = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The project's attributes and their values, as text for a reader or JSON for a script. */
export function formatAttributes(attributes: Attribute[], values: AttributeValue[], documents: DocumentMeta[], claims: Annotation[], asJson: boolean): string {
  const byId = new Map(attributes.map((a) => [a.id, a]));
  const docs = new Map(documents.map((d) => [d.id, d]));
  const quotes = new Map(claims.map((c) => [c.id, c]));
  const documentValues = values.filter((v) => v.ownerKind === 'document' && docs.has(v.ownerId));
  const overrides = values.filter((v) => v.ownerKind === 'annotation' && quotes.has(v.ownerId));
  if (asJson) {
    return `${JSON.stringify(
      {
        attributes: attributes.map((a) => ({ id: a.id, name: a.name, type: a.type, choices: a.choices, builtin: a.builtin })),
        documents: documents.map((d) => ({
          id: d.id,
          title: d.title,
          values: Object.fromEntries(documentValues.filter((v) => v.ownerId === d.id).map((v) => [byId.get(v.attributeId)?.name ?? v.attributeId, v.value])),
        })),
        claimOverrides: overrides.map((v) => ({ claimId: v.ownerId, attribute: byId.get(v.attributeId)?.name ?? v.attributeId, value: v.value })),
      },
      null,
      2,
    )}\n`;
  }
  const lines: string[] = ['Attributes:'];
  for (const a of attributes) lines.push(`  ${a.name}  (${a.type}${a.type === 'choice' ? `: ${a.choices.join(' | ')}` : ''})${a.builtin ? '  [built in]' : ''}`);
  lines.push('', 'Values:');
  for (const d of documents) {
    const own = documentValues.filter((v) => v.ownerId === d.id);
    const shown = own.map((v) => `${byId.get(v.attributeId)?.name ?? v.attributeId} = ${v.value}`).join('; ');
    lines.push(`  ${one(d.outlet || d.title)}: ${shown || '-'}`);
  }
  if (overrides.length > 0) {
    lines.push('', 'Claims with their own source grading:');
    for (const v of overrides) lines.push(`  «${one(quotes.get(v.ownerId)!.exact).slice(0, 80)}»  ${byId.get(v.attributeId)?.name ?? v.attributeId} = ${v.value}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function attributesCommand(backend: Backend, asJson: boolean): Promise<string> {
  const [attributes, values, documents, claims] = await Promise.all([
    backend.call('attributes.list', {}),
    backend.call('attributes.values', {}),
    backend.call('documents.list', {}),
    backend.call('annotations.list', {}),
  ]);
  return formatAttributes(attributes, values, documents, claims, asJson);
}
