// The bundled crisis data (src/elements/peer-crisis-resources/data/): the numbers a student in crisis is shown with no
// network. A wrong number can cost a life, so every record is checked against the contract and against known facts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import YAML from 'yaml';

const root = new URL('../../', import.meta.url);
const dataDir = new URL('src/elements/peer-crisis-resources/data/', root);
const emergencyText = readFileSync(new URL('emergency-numbers.json', dataDir), 'utf8');
const linesText = readFileSync(new URL('national-lines.json', dataDir), 'utf8');
const emergencyNumbers = JSON.parse(emergencyText);
const nationalLines = JSON.parse(linesText);
const contract = YAML.parse(readFileSync(new URL('src/api/openapi.yaml', root), 'utf8'));
const schemas = contract.components.schemas;

// Ajv 8 lives in the server workspace (the root has an older Ajv that eslint needs); ajv-formats is hoisted.
function requireFrom(...packageJsons) {
  for (const packageJson of packageJsons) {
    try {
      return createRequire(new URL(packageJson, root));
    } catch {
      // try the next workspace
    }
  }
  throw new Error('no package.json to resolve from');
}
function load(name) {
  for (const where of ['package.json', 'server/package.json']) {
    try {
      const loaded = requireFrom(where)(name);
      return loaded.default ?? loaded;
    } catch {
      // not installed here
    }
  }
  throw new Error(`${name} is not installed in the root or the server workspace`);
}
const Ajv2020 = load('ajv/dist/2020.js');
const addFormats = load('ajv-formats');

function contractValidator(schemaName) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The whole document is added under an $id so that every $ref inside it resolves as in the contract.
  ajv.addSchema({ ...contract, $id: 'https://peer-support.invalid/openapi.json' });
  const validate = ajv.getSchema(`https://peer-support.invalid/openapi.json#/components/schemas/${schemaName}`);
  assert.ok(validate, `the contract has no schema ${schemaName}`);
  return validate;
}

function explain(errors) {
  return (errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath || '/'} ${e.message}`)
    .join('\n');
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
// Intl also names some codes that ISO 3166-1 does not assign as country codes (exceptional, transitional or user
// reservations such as UK, EU, XK): reject those too, so that "UK" is caught where "GB" is meant.
const NOT_ISO_3166_1 = new Set(
  'AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '),
);
const isRealRegion = (code) => /^[A-Z]{2}$/.test(code) && !NOT_ISO_3166_1.has(code) && regionNames.of(code) !== code;
const phonePattern = new RegExp(schemas.PhoneNumber.pattern);
const e164Pattern = new RegExp(schemas.E164PhoneNumber.pattern);
const numbersOf = (country) => emergencyNumbers.filter((e) => e.country === country);
const hasNumber = (country, number, service) =>
  numbersOf(country).some((e) => e.number === number && (!service || e.services.includes(service)));
const allMethods = nationalLines.items.flatMap((line) => line.contactMethods.map((method) => ({ line, method })));

// The 27 EU member states, where 112 works by law.
const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');

test('emergency-numbers.json: every entry is a valid EmergencyNumber', () => {
  const validate = contractValidator('EmergencyNumber');
  assert.ok(Array.isArray(emergencyNumbers) && emergencyNumbers.length > 0, 'expected a non-empty array');
  for (const entry of emergencyNumbers) {
    assert.ok(validate(entry), `${JSON.stringify(entry)}\n${explain(validate.errors)}`);
  }
});

test('national-lines.json: the document is a valid CrisisResourceList', () => {
  const validate = contractValidator('CrisisResourceList');
  assert.ok(validate(nationalLines), explain(validate.errors));
  assert.ok(nationalLines.items.length > 0, 'no lines');
});

test('every country code is a real ISO 3166-1 region', () => {
  for (const { country } of emergencyNumbers) assert.ok(isRealRegion(country), `${country} is not a known region`);
  for (const { id, country } of nationalLines.items) assert.ok(isRealRegion(country), `${id}: ${country} is unknown`);
});

test('no (country, number) pair appears twice in the emergency numbers', () => {
  const seen = new Set();
  for (const { country, number } of emergencyNumbers) {
    const key = `${country} ${number}`;
    assert.ok(!seen.has(key), `${key} is listed twice: merge the services into one entry`);
    seen.add(key);
  }
});

test('an emergency number is either "general" or names its services', () => {
  for (const entry of emergencyNumbers) {
    if (entry.services.includes('general')) {
      assert.deepEqual(entry.services, ['general'], `${entry.country} ${entry.number} mixes general with services`);
    }
  }
});

test('every country with a national line also has an emergency number', () => {
  for (const { id, country } of nationalLines.items) {
    assert.ok(numbersOf(country).length > 0, `${id}: no emergency number for ${country}`);
  }
});

test('national line ids are unique', () => {
  const ids = nationalLines.items.map((line) => line.id);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i)}`);
});

test('pairedWith names existing lines, in the same country, and pairs are mutual', () => {
  const byId = new Map(nationalLines.items.map((line) => [line.id, line]));
  for (const line of nationalLines.items) {
    for (const other of line.pairedWith) {
      assert.notEqual(other, line.id, `${line.id} is paired with itself`);
      const partner = byId.get(other);
      assert.ok(partner, `${line.id} is paired with ${other}, which does not exist`);
      assert.equal(partner.country, line.country, `${line.id} and ${other} are in different countries`);
      assert.ok(partner.pairedWith.includes(line.id), `${other} does not pair back with ${line.id}`);
    }
  }
});

test('every time zone is a real IANA zone', () => {
  for (const { line, method } of allMethods) {
    const zone = method.hours.timeZone;
    assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: zone }), `${line.id}: unknown zone ${zone}`);
  }
});

test('opening hours make sense: always-open lines list no ranges, and no range opens and closes at once', () => {
  for (const { line, method } of allMethods) {
    const { alwaysOpen, weekly } = method.hours;
    if (alwaysOpen) assert.equal(weekly.length, 0, `${line.id}: alwaysOpen with weekly ranges`);
    for (const range of weekly) assert.notEqual(range.opens, range.closes, `${line.id}: ${range.day} is empty`);
  }
});

test('verifiedAt and generatedAt are real dates, not in the future', () => {
  // Up to 14 hours of slack: a line checked today in UTC+14 is still "today" where the test runs.
  const latest = Date.now() + 14 * 3600 * 1000;
  const generated = Date.parse(nationalLines.generatedAt);
  assert.ok(Number.isFinite(generated) && generated <= latest, `generatedAt ${nationalLines.generatedAt}`);
  for (const { id, verifiedAt } of nationalLines.items) {
    const day = Date.parse(`${verifiedAt}T00:00:00Z`);
    assert.ok(Number.isFinite(day), `${id}: verifiedAt ${verifiedAt} is not a date`);
    assert.ok(day <= latest, `${id}: verifiedAt ${verifiedAt} is in the future`);
  }
});

test('every phone, SMS and WhatsApp value matches the contract pattern', () => {
  for (const { line, method } of allMethods) {
    if (['phone', 'sms', 'tty'].includes(method.type)) {
      assert.match(method.value, phonePattern, `${line.id}: ${method.type} ${method.value}`);
    }
    if (method.type === 'whatsapp') assert.match(method.value, e164Pattern, `${line.id}: whatsapp ${method.value}`);
  }
});

test('the number people read is the number that is dialled', () => {
  // The digits shown (before any "(" or ",", e.g. "988, then press 1") must end the dialled value, allowing for
  // the trunk "0" that E.164 drops ("0477 13 11 14" ↔ "+61477131114").
  for (const { line, method } of allMethods) {
    if (!['phone', 'sms', 'tty', 'whatsapp'].includes(method.type) || !method.displayValue) continue;
    const shown = method.displayValue.split(/[(,]/)[0].replace(/\D/g, '');
    const dialled = method.value.replace(/\D/g, '');
    const matches = dialled.endsWith(shown) || (shown.startsWith('0') && dialled.endsWith(shown.slice(1)));
    assert.ok(matches && shown.length > 0, `${line.id}: shows "${method.displayValue}" but dials ${method.value}`);
  }
});

test('known emergency numbers (regression guards)', () => {
  assert.ok(hasNumber('US', '911', 'general'), 'US 911');
  assert.ok(hasNumber('CA', '911', 'general'), 'CA 911');
  assert.ok(hasNumber('GB', '999', 'general'), 'GB 999');
  assert.ok(hasNumber('GB', '112', 'general'), 'GB 112');
  assert.ok(hasNumber('IE', '112') && hasNumber('IE', '999'), 'IE 112 and 999');
  for (const country of EU) assert.ok(hasNumber(country, '112'), `${country} 112`);
  assert.ok(hasNumber('AU', '000', 'general'), 'AU 000');
  assert.ok(hasNumber('NZ', '111', 'general'), 'NZ 111');
  assert.ok(hasNumber('IN', '112', 'general'), 'IN 112');
  assert.ok(hasNumber('JP', '110', 'police'), 'JP 110 police');
  assert.ok(hasNumber('JP', '119', 'ambulance') && hasNumber('JP', '119', 'fire'), 'JP 119 ambulance and fire');
  assert.ok(hasNumber('MX', '911', 'general'), 'MX 911');
  assert.ok(hasNumber('DE', '110', 'police') && hasNumber('DE', '112', 'ambulance'), 'DE 110 and 112');
  assert.ok(hasNumber('FR', '15', 'ambulance') && hasNumber('FR', '17', 'police'), 'FR 15 and 17');
  assert.ok(hasNumber('CN', '120', 'ambulance') && hasNumber('CN', '110', 'police'), 'CN 120 and 110');
  assert.ok(hasNumber('KR', '119', 'ambulance') && hasNumber('KR', '112', 'police'), 'KR 119 and 112');
  assert.ok(hasNumber('BR', '192', 'ambulance'), 'BR 192');
  assert.ok(hasNumber('ZA', '10111', 'police') && hasNumber('ZA', '10177', 'ambulance'), 'ZA 10111 and 10177');
});

test('known national lines (regression guards)', () => {
  const line = (id) => nationalLines.items.find((item) => item.id === id);
  const dials = (id, type, value) => line(id)?.contactMethods.some((m) => m.type === type && m.value === value);
  assert.ok(dials('us-988-lifeline', 'phone', '988'), 'US 988 by phone');
  assert.ok(dials('us-988-lifeline', 'sms', '988'), 'US 988 by text');
  assert.equal(line('us-988-lifeline').country, 'US');
  assert.ok(dials('ca-988-suicide-crisis-helpline', 'phone', '988'), 'CA 9-8-8');
  assert.ok(dials('gb-samaritans', 'phone', '116123'), 'Samaritans 116 123');
  assert.ok(dials('au-lifeline', 'phone', '131114'), 'Lifeline 13 11 14');
  assert.ok(dials('nz-1737-need-to-talk', 'phone', '1737'), 'NZ 1737');
  for (const country of ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'IN', 'DE', 'FR', 'ES', 'MX']) {
    assert.ok(
      nationalLines.items.some((item) => item.country === country),
      `${country} must have at least one line`,
    );
  }
});

test('national lines follow safe-messaging wording and stay current', () => {
  for (const item of nationalLines.items) {
    const texts = [item.name, item.description, item.confidentialityNote ?? ''];
    for (const { contactMethods = [], ...translation } of Object.values(item.translations ?? {})) {
      texts.push(...Object.values(translation), ...contactMethods.flatMap((method) => Object.values(method)));
    }
    for (const text of texts) {
      assert.doesNotMatch(text, /committ?ed suicide/i, `${item.id}: say "died by suicide"`);
      assert.doesNotMatch(text, /\d+\s*(%|per ?cent)/i, `${item.id}: no statistics`);
    }
    assert.equal(item.scope, 'national', `${item.id} is in the national file`);
    assert.deepEqual(item.subdivisions, [], `${item.id}: national lines serve no subdivisions`);
    assert.equal(item.isEmergency, false, `${item.id}: emergency numbers belong in emergency-numbers.json`);
  }
  // The 988 LGBTQ+ youth option ("press 3") ended in July 2025: nothing may still point to it.
  assert.doesNotMatch(linesText, /press 3|pulse 3|PRIDE/i);
});

test('every US line and every display text with words can be read whole in Spanish', () => {
  const hasWords = (text) => text.split(/\s+/).some((token) => !/[./@]/.test(token) && /\p{Ll}{2}/u.test(token));
  for (const item of nationalLines.items) {
    const es = item.translations?.es;
    if (item.country === 'US') assert.ok(es?.name && es.description, `${item.id}: Spanish name and description`);
    if (!es) continue;
    const methods = es.contactMethods ?? [];
    assert.ok(methods.length <= item.contactMethods.length, `${item.id}: one translation per contact method at most`);
    item.contactMethods.forEach((method, index) => {
      for (const key of ['displayValue', 'label']) {
        if (method[key] && hasWords(method[key])) {
          assert.ok(methods[index]?.[key], `${item.id}: contact method ${index} needs a Spanish ${key}`);
        }
      }
      const shown = methods[index]?.displayValue;
      if (shown && ['phone', 'sms', 'tty', 'whatsapp'].includes(method.type)) {
        const digits = /^[\s+\d.-]*/.exec(shown)[0].replace(/\D/g, '');
        assert.ok(
          method.value.replace(/\D/g, '').endsWith(digits),
          `${item.id}: Spanish "${shown}" dials another number`,
        );
      }
    });
  }
});

test('bundle size (gzip) of the crisis data', () => {
  const emergency = gzipSync(emergencyText).length;
  const lines = gzipSync(linesText).length;
  const countries = new Set(emergencyNumbers.map((e) => e.country)).size;
  console.log(
    `crisis data gzip: emergency-numbers.json ${emergency} B (${emergencyNumbers.length} numbers, ${countries} ` +
      `countries), national-lines.json ${lines} B (${nationalLines.items.length} lines), total ${emergency + lines} B`,
  );
  assert.ok(emergency + lines > 0);
});
