import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { ElementDocsPage } from './docs-page.js';
import { controlsFromTypes, manifestForStorybook, renderElement } from './element-docs.js';

// `npm run storybook` and `npm run build-storybook` generate custom-elements.json first; the manifest gives each
// element's docs page (autodocs, on for every stories file) its description and the controls panel every attribute,
// property, event, slot, part and custom property from the elements' JSDoc (see element-docs.ts for what is left
// out and how args reach the element). A glob (not a plain import) keeps type checking and linting working on a
// fresh checkout without the manifest.
const manifests = import.meta.glob<{ default: Parameters<typeof manifestForStorybook>[0] }>('../custom-elements.json', {
  eager: true,
});
const manifest = Object.values(manifests)[0]?.default;
if (manifest) {
  setCustomElementsManifest(manifestForStorybook(manifest));
} else {
  console.warn('custom-elements.json is missing: run "npm run analyze" for attribute and event documentation.');
}

/**
 * Every story renders inside a wrapper carrying the toolbar's language, direction and colour scheme, the way a
 * campus page would set them on <html> or on a section. The widgets follow the nearest `lang`, inherit `dir`, and
 * their colours follow `color-scheme`.
 */
const withPageSettings: Decorator = (story, { globals }) => {
  const scheme = globals['scheme'] === 'dark' ? 'dark' : 'light';
  const page = { colorScheme: scheme, background: 'Canvas', color: 'CanvasText', padding: '1rem' };
  return html`<div lang=${globals['locale'] ?? 'en'} dir=${globals['direction'] ?? 'ltr'} style=${styleMap(page)}>
    ${story()}
  </div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  render: renderElement,
  argTypesEnhancers: [controlsFromTypes],
  decorators: [withPageSettings],
  globalTypes: {
    locale: {
      description: 'Language of the page around the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'es-MX', title: 'Español (México)' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction of the page around the widgets',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Colour scheme of the page around the widgets',
      toolbar: {
        title: 'Colour scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', direction: 'ltr', scheme: 'light' },
  parameters: {
    controls: { expanded: true },
    docs: {
      page: ElementDocsPage,
      // The page shows the manifest's description itself; the Description block keeps to the stories file's own.
      extractComponentDescription: () => undefined,
    },
  },
};

export default preview;
