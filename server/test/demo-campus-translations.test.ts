import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CrisisResource } from '../src/contract/api-types.ts';
import { compileContract } from '../src/contract/compiled-contract.ts';
import { loadContractFile } from '../src/contract/load-contract.ts';
import { componentSchemaValidator } from '../src/contract/schema-validator.ts';
import { crisisResourceRuleErrors } from '../src/crisis-resources/crisis-resource-rules.ts';
import { createLogger } from '../src/logging/logger.ts';
import { defaultPaths } from '../src/paths.ts';
import { demoCampusCrisisResources } from '../src/seed/demo-campus-crisis-resources.ts';

/**
 * The demo page in Spanish must show no English in the campus's own services: every text the contract lets a
 * resource translate, and that a demo resource fills in English, has a Spanish translation of its own.
 */
const resources = demoCampusCrisisResources('2026-11-30');

/** Words to translate, as the widget sees them: a token with two lower-case letters that is not an address. */
const hasWords = (text: string) =>
  text.split(/\s+/).some((token) => !/[/@:]/.test(token) && !/\p{L}\.\p{L}/u.test(token) && /\p{Ll}{2}/u.test(token));

/** The text a contact method shows: its display value, or (for a walk-in, whose value is the place) its value. */
const shownText = (method: CrisisResource['contactMethods'][number]) =>
  method.displayValue ?? (method.type === 'walk-in' ? method.value : undefined);

it('demo campus resources are valid records under the contract', async () => {
  const contract = compileContract(await loadContractFile(defaultPaths.contract), createLogger('silent'));
  const validate = componentSchemaValidator(contract, 'CrisisResource');
  assert.ok(resources.length >= 5);
  for (const resource of resources) {
    assert.equal(validate(resource), true, `${resource.id}: ${JSON.stringify(validate.errors)}`);
    assert.deepEqual(crisisResourceRuleErrors(resource), [], resource.id);
  }
});

it('every demo campus resource has Spanish for each translatable text it has in English', () => {
  for (const resource of resources) {
    const es = resource.translations?.es;
    assert.ok(es, `${resource.id} has no Spanish`);
    for (const field of ['name', 'description', 'confidentialityNote'] as const) {
      if (resource[field] === undefined) continue;
      assert.ok(es[field], `${resource.id}: no Spanish ${field}`);
      assert.notEqual(es[field], resource[field], `${resource.id}: the Spanish ${field} is the English one`);
    }
    assert.ok((es.contactMethods?.length ?? 0) <= resource.contactMethods.length, `${resource.id}: extra methods`);
    resource.contactMethods.forEach((method, index) => {
      const translated = es.contactMethods?.[index];
      const where = `${resource.id} method ${index} (${method.type})`;
      if (method.label !== undefined) assert.ok(translated?.label, `${where}: no Spanish label`);
      const shown = shownText(method);
      if (shown !== undefined && hasWords(shown)) {
        assert.ok(translated?.displayValue, `${where}: "${shown}" has no Spanish`);
        assert.notEqual(translated.displayValue, shown, `${where}: the Spanish text is the English one`);
      }
    });
  }
});

it('demo campus addresses hold only names and numbers, since the contract cannot translate them', () => {
  // A floor or a room ("second floor", "room 210") belongs in the walk-in's place text, which is translated.
  for (const resource of resources) {
    for (const method of resource.contactMethods) {
      const { address } = method;
      if (!address) continue;
      for (const piece of [address.line1, address.line2, address.locality, address.region, address.postalCode]) {
        if (piece === undefined) continue;
        assert.equal(/(^|[\s,])\p{Ll}/u.test(piece), false, `${resource.id}: "${piece}" has a word to translate`);
      }
    }
  }
});
