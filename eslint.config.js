// Lint rules for the library, its stories, tests, scripts and the reference server.
// The security rules at the bottom are errors because people in distress use these widgets: backend data must never
// become markup, and campus pages may run a strict Content-Security-Policy (no inline styles, no eval).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

const scriptFiles = ['**/*.{ts,mts,cts,js,mjs,cjs}'];
const elementFiles = ['src/**/*.ts', 'stories/**/*.ts'];

/** Lit directives and helpers that turn strings into markup (or into tag names). */
const UNSAFE_LIT_NAMES = ['unsafeHTML', 'unsafeSVG', 'unsafeMathML', 'unsafeStatic'];
const unsafeNamePattern = `/^(${UNSAFE_LIT_NAMES.join('|')})$/`;
const unsafeLitMessage =
  'Never render strings as markup: bind text with ${…} instead of unsafeHTML/unsafeSVG/unsafeStatic.';

const unsafeMarkupSyntax = [
  { selector: `CallExpression[callee.name=${unsafeNamePattern}]`, message: unsafeLitMessage },
  {
    selector: `CallExpression > MemberExpression.callee[property.name=${unsafeNamePattern}]`,
    message: unsafeLitMessage,
  },
  {
    selector:
      'AssignmentExpression > MemberExpression.left:matches([property.name=/^(inner|outer)HTML$/], [property.value=/^(inner|outer)HTML$/])',
    message: 'Do not assign innerHTML/outerHTML: render with a lit template, or set textContent.',
  },
  {
    selector:
      'MemberExpression[property.name=/^write(ln)?$/]:matches([object.name="document"], [object.property.name="document"])',
    message: 'document.write is forbidden: it parses strings as markup.',
  },
];

const LIT_TEMPLATE_TAGS = new Set(['html', 'svg', 'mathml', 'staticHtml', 'staticSvg']);

/**
 * Inline `style="…"` attributes and `<style>` elements in lit templates are blocked by a strict CSP
 * (style-src without 'unsafe-inline'). Lit's `style=${styleMap(…)}` is allowed: it writes through CSSOM, which CSP
 * permits. A small scanner follows the template's tags across bindings, so text such as "style = calm" is not flagged.
 */
const noInlineStyleInTemplates = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid inline style attributes and <style> elements in lit templates (CSP)' },
    schema: [],
    messages: {
      attribute: 'Inline style attributes are blocked by a strict CSP; use a class, a part, or style=${styleMap(…)}.',
      element: '<style> elements in templates are blocked by a strict CSP; put CSS in `static styles`.',
    },
  },
  create(context) {
    const isLitTag = (tag) =>
      (tag.type === 'Identifier' && LIT_TEMPLATE_TAGS.has(tag.name)) ||
      (tag.type === 'MemberExpression' && !tag.computed && LIT_TEMPLATE_TAGS.has(tag.property.name));
    const isStyleMapCall = (node) =>
      node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'styleMap';

    return {
      TaggedTemplateExpression(node) {
        if (!isLitTag(node.tag)) return;
        const { quasis, expressions } = node.quasi;
        let inTag = false;
        let quote = null;
        quasis.forEach((quasi, index) => {
          const text = quasi.value.raw;
          // A TemplateElement's range starts at its opening delimiter (` or }).
          const report = (offset, messageId) =>
            context.report({
              node: quasi,
              loc: context.sourceCode.getLocFromIndex(quasi.range[0] + 1 + offset),
              messageId,
            });
          for (let at = 0; at < text.length; at++) {
            const char = text[at];
            if (!inTag) {
              if (char === '<' && /[a-z]/i.test(text[at + 1] ?? '')) {
                inTag = true;
                if (/^<style(?![\w-])/i.test(text.slice(at))) report(at, 'element');
              }
              continue;
            }
            if (quote) {
              if (char === quote) quote = null;
              continue;
            }
            if (char === '>') {
              inTag = false;
            } else if (char === '"' || char === "'") {
              quote = char;
            } else if (/\s/.test(text[at - 1] ?? ' ') && /^style\s*=/i.test(text.slice(at))) {
              const afterEquals = at + /^style\s*=\s*/i.exec(text.slice(at))[0].length;
              const opening = text[afterEquals];
              const boundUnquoted = afterEquals === text.length;
              const boundQuoted =
                (opening === '"' || opening === "'") &&
                afterEquals + 1 === text.length &&
                quasis[index + 1]?.value.raw.startsWith(opening);
              if (!((boundUnquoted || boundQuoted) && isStyleMapCall(expressions[index]))) {
                report(at, 'attribute');
              }
            }
          }
        });
      },
    };
  },
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'coverage/',
      'storybook-static/',
      '**/node_modules/',
      '.data/',
      'server/.data/',
      'src/api/schema.d.ts',
      'test-results/',
    ],
  },

  // TypeScript rules for every script: the library, stories, tests, tooling and the server workspace.
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? scriptFiles })),
  {
    files: scriptFiles,
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // Chai assertions such as `expect(value).to.be.true` are expressions by design.
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },

  // Lit, web-component and accessibility rules for the elements and their stories.
  { files: elementFiles, ...lit.configs['flat/recommended'] },
  {
    files: elementFiles,
    plugins: wc.configs['flat/best-practice'].plugins,
    settings: { wc: { elementBaseClasses: ['LitElement', 'PeerElement', 'PeerWidgetElement'] } },
    rules: {
      ...wc.configs['flat/recommended'].rules,
      ...wc.configs['flat/best-practice'].rules,
      // LitElement always defines connectedCallback/disconnectedCallback, so a guard would be dead code.
      'wc/guard-super-call': 'off',
    },
  },
  { files: elementFiles, ...litA11y.configs.recommended },

  // Security: errors in the library and its stories. Tests may use innerHTML to build fixtures.
  {
    files: elementFiles,
    // Declared so that no-implied-eval recognises setTimeout("code") and friends as the browser's own.
    languageOptions: {
      globals: Object.fromEntries(
        ['window', 'self', 'globalThis', 'document', 'setTimeout', 'setInterval', 'execScript'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
    plugins: { peer: { rules: { 'no-inline-style-in-templates': noInlineStyleInTemplates } } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/unsafe-html*', '**/unsafe-svg*', '**/unsafe-mathml*'],
              message: 'Lit unsafe directives render strings as markup.',
            },
            {
              regex: '^(lit|lit-html|@lit/.*)(/.*)?$',
              importNames: UNSAFE_LIT_NAMES,
              message: 'These helpers render strings as markup (or as tag names); bind text instead.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'insertAdjacentHTML', message: 'Parses strings as markup; render with a lit template.' },
        { property: 'setHTMLUnsafe', message: 'Parses strings as markup; render with a lit template.' },
        { property: 'createContextualFragment', message: 'Parses strings as markup; render with a lit template.' },
      ],
      'no-restricted-syntax': ['error', ...unsafeMarkupSyntax],
      'peer/no-inline-style-in-templates': 'error',
    },
  },
);
