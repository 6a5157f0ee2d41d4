// Every key of every translation table in src/ (the core's en and es, and every table an element adds with
// extendLocale) is used by some module in src/: a string nobody can see still has to be translated, checked
// against the safe-messaging rules and kept in step, so an unused one is removed. A key counts as used when a module
// spells it as a string (a literal, a literal type, a property name), or can make it:
//   - a template literal, in a value or a type, whose fixed start is a key's start: `error.rateLimited.${unit}.${form}`
//     counts for every key of that shape, whatever `unit` and `form` can be;
//   - a string ending in a dot is a prefix a helper adds a code to (`codeWords(i18n, 'inbox.status.', status)`);
//   - a string followed by a plural form is the base a plural helper adds the form to
//     (`pluralKey(i18n, 'checkIn.history.delete.question', count)` → `….one`, `….other`).
// Read with TypeScript's parser, so comments and the tables' own text count for nothing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { repoRoot } from './helpers/packed-package.mjs';

const srcDir = join(repoRoot, 'src');
const sources = readdirSync(srcDir, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => {
    const path = join(srcDir, file);
    return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  });
const repoPath = (sourceFile) => relative(repoRoot, sourceFile.fileName).split('\\').join('/');

/** The core's tables, which catalog.ts holds from the start rather than adding with extendLocale. */
const CORE_TABLES = [
  { path: 'src/core/i18n/en.ts', name: 'en' },
  { path: 'src/core/i18n/es.ts', name: 'es' },
];
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** Names of the tables the elements add: the second argument of every `extendLocale(locale, table)` call. */
function extendedTableNames() {
  const names = new Set();
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'extendLocale') {
      const table = node.arguments[1];
      if (table && ts.isIdentifier(table)) names.add(table.text);
    }
    ts.forEachChild(node, visit);
  };
  sources.forEach(visit);
  return names;
}

/** Every table: { label, object } for each top-level `const <name> = { … }` (through `as`/`satisfies`) named above. */
function findTables() {
  const extended = extendedTableNames();
  const tables = [];
  for (const sourceFile of sources) {
    const path = repoPath(sourceFile);
    for (const statement of sourceFile.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const name = declaration.name.text;
        const isTable = extended.has(name) || CORE_TABLES.some((core) => core.path === path && core.name === name);
        let object = declaration.initializer;
        while (object && (ts.isAsExpression(object) || ts.isSatisfiesExpression(object))) object = object.expression;
        if (isTable && object && ts.isObjectLiteralExpression(object))
          tables.push({ label: `${path} ${name}`, object });
      }
    }
  }
  return tables;
}

const tableKeys = (object) =>
  object.properties
    .filter((property) => ts.isPropertyAssignment(property) && !ts.isComputedPropertyName(property.name))
    .map((property) => property.name.text);

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The fixed start of a template that builds a key: a word, a dot, and more of a key ("inbox.signIn.tooMany."). */
const KEY_START = /^[A-Za-z]\w*\.[\w.-]*$/;

/**
 * What the modules spell outside the tables: every string, and a pattern for every template literal whose fixed
 * start is a key's start. A template that starts with a substitution (`${base}.${form}`) says nothing about which
 * keys it makes, so it counts for none.
 */
function usesOutside(tables) {
  const skip = new Set(tables.map((table) => table.object));
  const strings = new Set();
  const patterns = [];
  const visit = (node) => {
    if (skip.has(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.add(node.text);
    else if ((ts.isTemplateExpression(node) || ts.isTemplateLiteralTypeNode(node)) && KEY_START.test(node.head.text)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      patterns.push(new RegExp(`^${parts.map(escape).join('[^]+')}$`));
    }
    ts.forEachChild(node, visit);
  };
  sources.forEach(visit);
  return { strings, patterns };
}

const tables = findTables();
const { strings, patterns } = usesOutside(tables);
const prefixes = [...strings].filter((text) => KEY_START.test(text) && text.endsWith('.'));

/** Whether some module spells `key`, or can make it (see the top of this file). */
function isUsed(key) {
  if (strings.has(key) || patterns.some((pattern) => pattern.test(key))) return true;
  if (prefixes.some((prefix) => key.startsWith(prefix) && key.length > prefix.length)) return true;
  const lastDot = key.lastIndexOf('.');
  return PLURAL_FORMS.includes(key.slice(lastDot + 1)) && strings.has(key.slice(0, lastDot));
}

test('the translation tables are found: the core, each element, the topics, the check-in history', () => {
  const labels = tables.map((table) => table.label);
  for (const expected of [
    'src/core/i18n/en.ts en',
    'src/core/i18n/es.ts es',
    'src/core/i18n/support-topics.ts supportTopicsEs',
    'src/elements/peer-check-in/history/i18n.ts historyEn',
    'src/elements/peer-supporter-inbox/i18n/es.ts supporterInboxEs',
  ]) {
    assert.ok(labels.includes(expected), `${expected} not among ${labels.join(', ')}`);
  }
  assert.ok(tables.length >= 14, `only ${tables.length} tables: ${labels.join(', ')}`);
  for (const table of tables) assert.ok(tableKeys(table.object).length > 0, `no keys read from ${table.label}`);
});

test('a key counts as made by a template, a prefix or a plural base, and not by less', () => {
  assert.ok(isUsed('error.rateLimited.minutes.one'), 'error.rateLimited.${unit}.${form}');
  assert.ok(isUsed('inbox.signIn.tooMany.minutes.other'), 'inbox.signIn.tooMany.${unit}.${form}');
  assert.ok(isUsed('inbox.status.queued'), "codeWords(i18n, 'inbox.status.', …)");
  assert.ok(isUsed('checkIn.history.delete.question.other'), "pluralKey(i18n, 'checkIn.history.delete.question', …)");
  assert.ok(!isUsed('error.rateLimited'), 'a substitution stands for at least one character');
  assert.ok(!isUsed('checkIn.history.delete.question.sometimes'), 'only a plural form follows a plural base');
  assert.ok(!isUsed('no.such.key.anywhere'));
});

for (const table of tables) {
  test(`${table.label}: every key is used in src/`, () => {
    const unused = tableKeys(table.object).filter((key) => !isUsed(key));
    assert.deepEqual(unused, [], `${table.label} has keys no module in src/ uses`);
  });
}
