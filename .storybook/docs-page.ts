import { Controls, Description, Markdown, Primary, Stories, Title, useOf } from '@storybook/addon-docs/blocks';
import { createElement as h, Fragment } from 'react';
import { componentDescription } from './element-docs.js';

/** The element's summary and description from custom-elements.json, whatever the stories file says of itself. */
function ManifestDescription() {
  const resolved = useOf('meta', ['meta']);
  const component = resolved.preparedMeta.component;
  const text = typeof component === 'string' ? componentDescription(component) : undefined;
  return text ? h(Markdown, null, text) : null;
}

/**
 * The docs page of every element (autodocs): its name, its description from the manifest, what the stories file
 * says about its stories, the first story with the controls of the element's public API, then every story.
 */
export function ElementDocsPage() {
  return h(
    Fragment,
    null,
    h(Title),
    h(ManifestDescription),
    h(Description, { of: 'meta' }),
    h(Primary),
    h(Controls),
    h(Stories),
  );
}
