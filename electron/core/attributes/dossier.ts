import { gradeCode, type Attribute, type AttributeValue } from '../../../shared/attributes';
import type { DossierLanguage } from '../../../shared/dossier';

/** The built-in grading is named in the dossier's language; the project's own attributes by their names. */
const BUILTIN_NAMES: Record<DossierLanguage, Record<'reliability' | 'credibility', string>> = {
  en: { reliability: 'Source reliability', credibility: 'Information credibility' },
  ru: { reliability: 'Надёжность источника', credibility: 'Достоверность информации' },
};

const YES_NO: Record<DossierLanguage, Record<string, string>> = { en: { yes: 'yes', no: 'no' }, ru: { yes: 'да', no: 'нет' } };

/**
 * What the dossier says of attributes: each source's values for the sources table, and each
 * claim's Admiralty grade. Built once per dossier from the project's attributes and values.
 */
export function dossierAttributes(attributes: readonly Attribute[], values: readonly AttributeValue[], language: DossierLanguage) {
  const byKey = new Map(values.map((v) => [`${v.ownerKind}:${v.ownerId}:${v.attributeId}`, v.value]));
  const name = (a: Attribute) => (a.builtin ? BUILTIN_NAMES[language][a.builtin] : a.name);
  const shown = (a: Attribute, v: string) => (a.type === 'boolean' ? (YES_NO[language][v] ?? v) : v);
  const reliability = attributes.find((a) => a.builtin === 'reliability');
  const credibility = attributes.find((a) => a.builtin === 'credibility');
  const claimValue = (claimId: string, documentId: string, attr: Attribute | undefined) =>
    attr ? (byKey.get(`annotation:${claimId}:${attr.id}`) ?? byKey.get(`document:${documentId}:${attr.id}`)) : undefined;
  return {
    ofSource(documentId: string): { name: string; value: string }[] {
      return attributes.flatMap((a) => {
        const v = byKey.get(`document:${documentId}:${a.id}`);
        return v === undefined ? [] : [{ name: name(a), value: shown(a, v) }];
      });
    },
    gradeOf(claimId: string, documentId: string): string | null {
      return gradeCode(claimValue(claimId, documentId, reliability), claimValue(claimId, documentId, credibility));
    },
  };
}
