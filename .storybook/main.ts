import type { StorybookConfig } from '@storybook/web-components-vite';

// Storybook's Vite builder reads the project's vite.config.ts but drops its `build` section (the library and CDN
// builds), so the `__PEER_VERSION__` / `__PEER_DEV__` defines still apply: development warnings show in
// `npm run storybook` and are stripped from the static build, as in the library's own builds.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // A docs page per element (autodocs, turned on for every stories file in preview.ts) from custom-elements.json.
  addons: ['@storybook/addon-docs'],
  core: {
    // The build machines have no internet: no telemetry, no release notes fetched.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
