import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { PerUpdate } from './per-update.js';
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
export class PeerConfigController {
  private readonly consumer: ContextConsumer<typeof peerConfigContext, Host>;
  /** Merged once per update: every string lookup reads the overrides. */
  private readonly merged: PerUpdate<ResolvedConfig>;

  constructor(
    host: Host,
    private readonly own: () => PeerConfig,
  ) {
    attachContextRoot();
    this.consumer = new ContextConsumer(host, { context: peerConfigContext, subscribe: true });
    this.merged = new PerUpdate(
      host,
      () => mergeConfig(this.own(), this.consumer.value, { timeout: DEFAULT_TIMEOUT_MS }) as ResolvedConfig,
    );
  }

  /** True once a provider has answered. */
  get hasProvider(): boolean {
    return this.consumer.value !== undefined;
  }

  get value(): ResolvedConfig {
    return this.merged.get();
  }
}
