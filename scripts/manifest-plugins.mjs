// Plugins for @custom-elements-manifest/analyzer (custom-elements-manifest.config.mjs) that turn the analysis of
// src/ into the manifest of the published package:
//   - descriptions from `@description` JSDoc tags (the analyzer reads only the text before the tags);
//   - `<Class>.define()` calls recorded as custom-element-definition exports (the analyzer knows only
//     customElements.define);
//   - each event's type from the `HTMLElementEventMap` declarations in src/ (what TypeScript users get), so the
//     detail type is documented once, in code;
//   - each `--peer-*` custom property's default from the `var(--peer-…, fallback)` that reads it, unless the JSDoc
//     gives one;
//   - no private or protected members;
//   - each attribute typed and defaulted as its field, with string-literal aliases spelled out;
//   - modules that exist in the package: one per published entry (dist/<entry>.js, dist/cdn/…), declaring what it is
//     the home of and exporting what it exports (resolved with TypeScript), with the tags it registers.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { CDN_BUNDLES, ENTRIES } from './entries.mjs';
import { sourceGraph } from './entry-types.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const toRepoPath = (file) => relative(root, file).split('\\').join('/');

/** The published modules: dist path → source entry, element entries before index, define and the CDN files. */
function publishedModules() {
  const modules = Object.entries(ENTRIES).map(([name, source]) => ({ path: `dist/${name}.js`, source }));
  for (const { file, entry } of CDN_BUNDLES) modules.push({ path: `dist/cdn/${file}`, source: entry });
  return modules;
}

/** The text of a JSDoc comment (string or node list), trimmed. */
function commentText(comment) {
  return (ts.getTextOfJSDocComment(comment) ?? '').trim();
}

/** `@description` on a class becomes the declaration's description when the text before the tags is empty. */
export function descriptionTagPlugin() {
  return {
    name: 'peer: @description',
    analyzePhase({ ts: tsApi, node, moduleDoc }) {
      if (!tsApi.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration || declaration.description) return;
      const tag = tsApi.getJSDocTags(node).find((t) => t.tagName.getText() === 'description');
      if (tag) declaration.description = commentText(tag.comment);
    },
  };
}

/** Module path → classes registered there by `<Class>.define()` or `<Class>.define('tag')`. */
const defineCalls = new Map();
/** Event name → type text, from `interface HTMLElementEventMap { 'name': Type }` in `declare global`. */
const eventTypes = new Map();
/** Type alias name → its text (to spell `PeerCrisisContactEvent` as `CustomEvent<PeerCrisisContactDetail>`). */
const typeAliases = new Map();
/** `--peer-*` name → fallback texts in source order; `--_*` private name → the `--peer-*` it reads. */
const fallbacks = new Map();
const privateVars = new Map();

/** Collects define() calls, event map entries, type aliases and CSS fallbacks while the analyzer walks src/. */
export function collectPlugin() {
  return {
    name: 'peer: collect define calls, event types, CSS fallbacks',
    analyzePhase({ ts: tsApi, node, moduleDoc }) {
      if (tsApi.isSourceFile(node)) {
        collectCssFallbacks(node.text);
        return;
      }
      if (
        tsApi.isExpressionStatement(node) &&
        tsApi.isCallExpression(node.expression) &&
        tsApi.isPropertyAccessExpression(node.expression.expression) &&
        node.expression.expression.name.getText() === 'define' &&
        tsApi.isIdentifier(node.expression.expression.expression) &&
        tsApi.isSourceFile(node.parent)
      ) {
        const [tagArgument] = node.expression.arguments;
        const calls = defineCalls.get(moduleDoc.path) ?? [];
        calls.push({
          className: node.expression.expression.expression.getText(),
          tag: tagArgument && tsApi.isStringLiteralLike(tagArgument) ? tagArgument.text : undefined,
        });
        defineCalls.set(moduleDoc.path, calls);
      }
      if (tsApi.isInterfaceDeclaration(node) && node.name.getText() === 'HTMLElementEventMap') {
        for (const member of node.members) {
          if (!tsApi.isPropertySignature(member) || !member.type || !member.name) continue;
          const name = tsApi.isStringLiteralLike(member.name) ? member.name.text : member.name.getText();
          eventTypes.set(name, member.type.getText());
        }
      }
      if (tsApi.isTypeAliasDeclaration(node)) {
        typeAliases.set(node.name.getText(), node.type.getText());
      }
    },
  };
}

/** The argument list of `var(` starting at `start` (just after "var("), with nested parentheses balanced. */
function varArguments(text, start) {
  let depth = 1;
  for (let index = start; index < text.length; index++) {
    if (text[index] === '(') depth++;
    if (text[index] === ')' && --depth === 0) return text.slice(start, index);
  }
  return undefined;
}

function collectCssFallbacks(text) {
  for (const match of text.matchAll(/var\(\s*(--peer-[\w-]+)\s*,/g)) {
    const args = varArguments(text, match.index + 'var('.length);
    if (args === undefined) continue;
    const fallback = args
      .slice(args.indexOf(',') + 1)
      .replace(/\s+/g, ' ')
      .trim();
    const list = fallbacks.get(match[1]) ?? [];
    if (!list.includes(fallback)) list.push(fallback);
    fallbacks.set(match[1], list);
  }
  for (const match of text.matchAll(/(--_[\w-]+)\s*:\s*var\(\s*(--peer-[\w-]+)/g)) {
    if (!privateVars.has(match[1])) privateVars.set(match[1], match[2]);
  }
}

/**
 * The default of a `--peer-*` property: its fallback, the later one when there are several (a later rule, such as
 * one inside `@supports`, wins where the browser supports it), with private variables named by the public property
 * they read ("var(--_accent)" → "var(--peer-color-accent)").
 */
function cssDefault(name) {
  const list = fallbacks.get(name);
  if (!list?.length) return undefined;
  return list[list.length - 1].replace(/var\((--_[\w-]+)\)/g, (whole, local) =>
    privateVars.has(local) ? `var(${privateVars.get(local)})` : whole,
  );
}

/** The exports of each published module, resolved with TypeScript: export name → { file, name } of the value. */
function resolveExports(modules) {
  const program = ts.createProgram(
    modules.map((module) => resolve(root, module.source)),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      noEmit: true,
    },
  );
  const checker = program.getTypeChecker();
  const result = new Map();
  for (const module of modules) {
    const source = program.getSourceFile(resolve(root, module.source));
    const symbol = source && checker.getSymbolAtLocation(source);
    const exports = new Map();
    for (const exported of symbol ? checker.getExportsOfModule(symbol) : []) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      // Types (interfaces, aliases) have no place among a JavaScript module's exports.
      if (!(target.flags & ts.SymbolFlags.Value)) continue;
      const declaration = target.declarations?.[0];
      if (!declaration) continue;
      exports.set(exported.getName(), {
        file: toRepoPath(declaration.getSourceFile().fileName),
        name: target.getName(),
      });
    }
    result.set(module.path, exports);
  }
  return result;
}

/** Removes what a page cannot use: private and protected members, and `_`/`#` names. */
function isPublic(item) {
  return item.privacy !== 'private' && item.privacy !== 'protected' && !/^[_#]/.test(item.name ?? '');
}

/** Global HTML attributes an element may document as its own, and the HTMLElement property each reflects. */
const GLOBAL_ATTRIBUTES = { lang: 'lang', dir: 'dir', title: 'title', hidden: 'hidden' };

/**
 * An attribute documented with `@attr` and no field of the element's own (`lang` on the provider) is the global
 * attribute: name the HTMLElement property that reflects it, so generated types read its type from the class.
 */
function linkGlobalAttribute(attribute) {
  if (attribute.fieldName || !Object.hasOwn(GLOBAL_ATTRIBUTES, attribute.name)) return;
  attribute.fieldName = GLOBAL_ATTRIBUTES[attribute.name];
  attribute.type ??= { text: attribute.name === 'hidden' ? 'boolean' : 'string' };
}

/**
 * A type named by an alias of string literals (`Instrument`) spelled out (`'mood' | 'who5' | 'phq4'`), so editors
 * offer the values and Storybook a select; other types are kept as written.
 */
function spellType(type) {
  if (!type?.text) return;
  const [name, ...rest] = type.text.split('|').map((part) => part.trim());
  const spelled = typeAliases.get(name);
  if (!spelled || !/^'[^']*'(\s*\|\s*'[^']*')*$/.test(spelled)) return;
  type.text = [spelled, ...rest].join(' | ');
}

/**
 * An attribute takes its field's type and default: the analyzer resolves an initializer that names a constant
 * (`consentVersion = FOLLOW_UP_CONSENT_VERSION`) on the field only, leaving the attribute untyped and defaulting to
 * a name the package does not export.
 */
function alignAttribute(attribute, members) {
  const field = attribute.fieldName && members?.find((member) => member.name === attribute.fieldName);
  if (!field) return;
  if (field.type?.text && !attribute.type?.text) attribute.type = { ...field.type };
  if (field.default !== undefined) attribute.default = field.default;
}

function describeEvent(event) {
  const type = eventTypes.get(event.name);
  if (!type || event.type?.text) return;
  // Spell an alias out when it is a CustomEvent, so the detail type shows: CustomEvent<PeerCrisisContactDetail>.
  const spelled = typeAliases.get(type);
  event.type = { text: spelled && /^CustomEvent<.+>$/.test(spelled) ? spelled : type };
}

/** Rewrites the manifest into the published package's modules (see the top of this file). */
export function publishedPackagePlugin() {
  return {
    name: 'peer: published package',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const modules = publishedModules();
      const exportsByModule = resolveExports(modules);

      // Every declaration by its source module and name, cleaned of internals.
      const declarations = new Map();
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const key of ['members', 'attributes']) {
            if (declaration[key]) declaration[key] = declaration[key].filter(isPublic);
          }
          for (const attribute of declaration.attributes ?? []) {
            linkGlobalAttribute(attribute);
            alignAttribute(attribute, declaration.members);
          }
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) spellType(item.type);
          for (const event of declaration.events ?? []) describeEvent(event);
          for (const property of declaration.cssProperties ?? []) {
            property.default ??= cssDefault(property.name);
          }
          declarations.set(`${module.path}#${declaration.name}`, declaration);
        }
      }
      const classesByName = new Map(
        [...declarations.values()].filter((d) => d.kind === 'class').map((d) => [d.name, d]),
      );

      // The tags each published module registers: define() calls anywhere in the source it loads.
      const tagsByModule = new Map();
      for (const module of modules) {
        const tags = new Map();
        for (const file of sourceGraph(module.source).map(toRepoPath)) {
          for (const { className, tag } of defineCalls.get(file) ?? []) {
            const name = tag ?? classesByName.get(className)?.tagName;
            if (name) tags.set(name, className);
          }
        }
        tagsByModule.set(module.path, tags);
      }

      // The home of a declaration: for an element, the smallest published module that exports and registers it
      // (its own subpath); for anything else, the first module that exports it (the root entry).
      const home = new Map();
      const exporters = (key) =>
        modules.filter(({ path }) =>
          [...exportsByModule.get(path).values()].some(({ file, name }) => `${file}#${name}` === key),
        );
      for (const key of new Set(
        [...exportsByModule.values()].flatMap((exports) =>
          [...exports.values()].map(({ file, name }) => `${file}#${name}`),
        ),
      )) {
        const declaration = declarations.get(key);
        if (!declaration) continue;
        const candidates = exporters(key);
        const registering = candidates
          .filter(({ path }) => tagsByModule.get(path).has(declaration.tagName))
          .sort((a, b) => tagsByModule.get(a.path).size - tagsByModule.get(b.path).size);
        home.set(key, (registering[0] ?? candidates[0]).path);
      }
      const homeByName = new Map([...home].map(([key, path]) => [key.slice(key.indexOf('#') + 1), path]));

      // References to classes (superclass, inheritedFrom) point at their published home, or at no module.
      const relink = (reference) => {
        if (!reference || reference.package) return;
        const path = homeByName.get(reference.name);
        if (path) reference.module = path;
        else delete reference.module;
      };
      for (const declaration of declarations.values()) {
        relink(declaration.superclass);
        for (const key of ['members', 'attributes', 'events', 'cssProperties', 'cssParts', 'slots', 'cssStates']) {
          for (const item of declaration[key] ?? []) relink(item.inheritedFrom);
        }
      }

      manifest.modules = modules.map(({ path }) => {
        const exports = exportsByModule.get(path);
        return {
          kind: 'javascript-module',
          path,
          declarations: [...home].filter(([, at]) => at === path).map(([key]) => declarations.get(key)),
          exports: [
            ...[...exports].map(([exportName, { file, name }]) => ({
              kind: 'js',
              name: exportName,
              declaration: { name, module: home.get(`${file}#${name}`) ?? path },
            })),
            ...[...tagsByModule.get(path)].map(([tag, className]) => ({
              kind: 'custom-element-definition',
              name: tag,
              declaration: { name: className, module: homeByName.get(className) ?? path },
            })),
          ],
        };
      });
    },
  };
}
