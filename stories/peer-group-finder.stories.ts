import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/peer-group-finder/define.js';
import { groupsBackend, STORY_API } from './group-finder-backend.js';

/**
 * Every state of the group finder. The backend is a `fetch` made up in group-finder-backend.ts: six groups of a
 * fictional campus, filtered and paged as the contract says, so each story is stable and needs no server. The
 * student's time zone is fixed to the campus's, so the times read the same wherever the stories are opened.
 */
const meta: Meta = {
  title: 'Elements/peer-group-finder',
  component: 'peer-group-finder',
  parameters: { layout: 'padded' },
  // Stories use the project's default render, so every control changes the element.
  args: {
    country: 'US',
    'time-zone': 'America/New_York',
    'peer-href': 'https://northfield.example/peer-support',
  },
};
export default meta;
type Story = StoryObj;

const withBackend = (fetch: typeof globalThis.fetch) => ({ 'api-base': STORY_API, fetch });

/** The groups, a page at a time, with every filter closed. */
export const Default: Story = {
  name: 'Default list',
  args: withBackend(groupsBackend()),
};
