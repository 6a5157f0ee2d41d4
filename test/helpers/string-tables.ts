import { expect } from '@open-wc/testing';

/**
 * Checks every element's translation tables share: the same keys in Spanish as in English, the same {placeholders},
 * no empty strings, and the safe-messaging words (../shared/design/DOMAIN.md) nowhere a student or supporter reads.
 */
type Table = Readonly<Record<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Words no string of ours may hold, in English and Spanish: labels, verdicts, alarm, and promised outcomes. */
export const NEVER_SAID = [
  'committed suicide',
  'high risk',
  'alto riesgo',
  'patient',
  'paciente',
  'disorder',
  'trastorno',
  'you have depression',
  'you are depressed',
  'urgent!',
  'guaranteed',
  'garantiz',
];

export function expectSameKeysAndPlaceholders(en: Table, es: Table): void {
  expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    expect(es[key], key).to.be.a('string').and.not.equal('');
    expect(placeholders(es[key]!), key).to.deep.equal(placeholders(en[key]!));
  }
}

/**
 * No table entry (English or Spanish) holds any of `NEVER_SAID` or the `more` words an element adds. `keys` limits the
 * check (an instrument's published wording stays word for word). Booleans, not `contain`: a failure names the word,
 * not the whole table.
 */
export function expectNeverSaid(en: Table, es: Table, more: readonly string[] = [], keys = Object.keys(en)): void {
  const text = keys
    .map((key) => `${en[key]}\n${es[key]}`)
    .join('\n')
    .toLowerCase();
  for (const banned of [...NEVER_SAID, ...more]) expect(text.includes(banned), banned).to.equal(false);
}
