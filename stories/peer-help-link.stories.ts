import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/peer-help-link/define.js';
import '../src/elements/peer-support-provider/define.js';

/**
 * The "Need help now?" link every widget carries. Its args are the element's attributes and custom properties from
 * custom-elements.json; the project's default render (.storybook/element-docs.ts) applies them, so every control
 * changes the link. No story sets `api-base`: the dialog's crisis panel renders from the bundled data at once, with
 * no network.
 */
const meta: Meta = {
  title: 'Elements/peer-help-link',
  component: 'peer-help-link',
  parameters: { layout: 'padded' },
  args: { country: 'US' },
};
export default meta;

type Story = StoryObj;

/** The link as a page shows it; activate it to open crisis help in a dialog. */
export const Default: Story = {};

/** Opened, as after a click: the dialog with the crisis panel for the link's country, focus inside it. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    await canvasElement.querySelector('peer-help-link')?.show();
  },
};

/** With `exit-url`, the panel in the dialog offers quick exit (a button, and Shift pressed three times). */
export const WithQuickExit: Story = {
  args: { 'exit-url': 'https://weather.example' },
  play: Open.play,
};

/** Another country's numbers: `country="GB"`. */
export const UnitedKingdom: Story = {
  args: { country: 'GB' },
  play: Open.play,
};

/** The link takes the page's accent colour and target size through the `--peer-*` custom properties. */
export const Themed: Story = {
  args: { '--peer-color-accent': '#8a1d5f', '--peer-target-size': '48px' },
};

/** Inside a provider, the link and its panel take the provider's configuration; the link's own attributes win. */
export const InsideAProvider: Story = {
  args: { country: undefined },
  render: (args) => html`
    <peer-support-provider country="CA">
      <p>
        Questions about the peer-support programme? Write to the team.
        <peer-help-link country=${args['country'] ?? nothing}></peer-help-link>
      </p>
    </peer-support-provider>
  `,
};

/** Spanish strings, from the page's language. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: Open.play,
};

/** A right-to-left page: the link and the dialog follow `dir`. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: Open.play,
};
