import { LitElement } from 'lit';
import { defineElement } from './define.js';
import { hostStyles, tokens } from './styles.js';
import { VERSION } from './version.js';

/**
 * The thin base of every element: host reset and tokens, the library version and a guarded `define()`.
 * `lang` and `dir` are the platform's own attributes: `lang` is followed by LocalizeController (nearest `[lang]`),
 * and `dir` is inherited by CSS, so the base adds nothing for them. Behaviour lives in controllers, not here.
 */
export class PeerElement extends LitElement {
  static override styles = [tokens, hostStyles];

  /** The library version, also on every instance for support questions ("which version is on this page?"). */
  static readonly version = VERSION;
  readonly version = VERSION;

  /** Registers this class as `tag`. Safe to call twice, and with another tag name. */
  static define(this: CustomElementConstructor & { tagName?: string }, tag?: string): void {
    const name = tag ?? this.tagName;
    if (!name) throw new Error('define() needs a tag name');
    defineElement(name, this);
  }
}
