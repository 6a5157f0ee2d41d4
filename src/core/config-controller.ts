import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_TIMEOUT_MS, mergeConfig, peerConfigContext, type PeerConfig } from './config.js';

type Host = ReactiveControllerHost & HTMLElement;

export type ResolvedConfig = PeerConfig & { timeout: number };

let contextRootAttached = false;

/**
 * A ContextRoot replays a widget's request for configuration when a provider is defined after the widget (a CMS may
 * load the scripts in any order, or the provider's definition may arrive later), so the order never matters.
 */
function attachContextRoot(): void {
  if (contextRootAttached) return;
  contextRootAttached = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * The configuration that applies to a widget: its own attributes/properties, then the nearest provider's, then the
 * defaults. Re-renders the host when the provider's configuration changes.
 */
export class PeerConfigController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof peerConfigContext, Host>;
  private updateValue: ResolvedConfig | undefined;
  private updating = false;

  constructor(
    host: Host,
    private readonly own: () => PeerConfig,
  ) {
    attachContextRoot();
    host.addController(this);
    this.consumer = new ContextConsumer(host, { context: peerConfigContext, subscribe: true });
  }

  /** True once a provider has answered. */
  get hasProvider(): boolean {
    return this.consumer.value !== undefined;
  }

  get value(): ResolvedConfig {
    if (this.updateValue) return this.updateValue;
    const value = mergeConfig(this.own(), this.consumer.value, { timeout: DEFAULT_TIMEOUT_MS }) as ResolvedConfig;
    if (this.updating) this.updateValue = value;
    return value;
  }

  // Merged once per update (every string lookup reads the overrides), fresh outside one.
  hostUpdate(): void {
    this.updating = true;
    this.updateValue = undefined;
  }

  hostUpdated(): void {
    this.updating = false;
    this.updateValue = undefined;
  }
}
