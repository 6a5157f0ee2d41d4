import { ContextProvider } from '@lit/context';
import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { peerConfigContext } from '../../core/config.js';
import { PeerWidgetElement } from '../../core/peer-widget-element.js';
import { buttonStyles } from '../../core/styles.js';

/**
 * @tag peer-help-link
 * @summary A small "Need help now?" link that opens crisis help in a dialog. Every widget carries one in the same
 * place, so help is always found the same way (WCAG 3.2.6).
 *
 * @description The dialog holds a `<peer-crisis-resources>`, which receives this link's configuration (its own
 * attributes, then its provider's) through context, as any widget inside a provider does. It renders from the
 * bundled crisis data at once, so opening it never waits on the network. Requires `<peer-crisis-resources>` to be
 * defined (the `define` modules do this).
 *
 * @csspart link - The "Need help now?" button.
 * @csspart dialog - The dialog.
 * @csspart close - The dialog's close button.
 * @csspart resources - The `<peer-crisis-resources>` inside the dialog.
 *
 * @fires peer-crisis-contact - From the crisis panel in the dialog, when a student opens or copies a contact.
 *
 * @cssproperty --peer-color-accent - The link's colour.
 * @cssproperty --peer-target-size - Minimum size of the link and the close button.
 */
export class PeerHelpLink extends PeerWidgetElement {
  /** The tag name `define()` registers this class under when it is given none. */
  static readonly tagName = 'peer-help-link';
  protected static override readonly needsBackend = false;

  static override styles = [
    ...PeerWidgetElement.styles,
    buttonStyles,
    css`
      :host {
        display: inline-block;
      }
      .link {
        min-block-size: var(--_target);
        min-inline-size: var(--_target);
        padding: 0.25em 0.5em;
        border: 0;
        background: none;
        color: var(--_accent);
        font: inherit;
        font-weight: 600;
        text-decoration: underline;
        text-underline-offset: 0.2em;
        cursor: pointer;
      }
      dialog {
        inline-size: min(40rem, 100vw - 2rem);
        max-block-size: calc(100dvh - 2rem);
        /* Held at the top, not centred: campus services arriving in it make it taller, not move it. */
        margin-block: 1rem auto;
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: Canvas;
        color: CanvasText;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      .close-row {
        display: flex;
        justify-content: end;
        margin-block-end: 0.5em;
      }
      @media (forced-colors: active) {
        .link {
          color: LinkText;
        }
      }
    `,
  ];

  /** Passed to the crisis panel: turns on quick exit to this https address. */
  @property({ attribute: 'exit-url' }) exitUrl?: string;

  @state() private open = false;
  /** Shares this link's configuration with the panel in its dialog. */
  private readonly panelConfig = new ContextProvider(this, { context: peerConfigContext, initialValue: {} });
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.link') private link!: HTMLButtonElement;

  /** Opens the crisis help dialog. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Closes the dialog and returns focus to the link. */
  hide(): void {
    this.dialog?.close();
  }

  protected override willUpdate(): void {
    this.panelConfig.setValue(this.config);
  }

  protected override render() {
    return html`<button class="link" part="link" type="button" aria-haspopup="dialog" @click=${this.show}>
        ${this.i18n.t('help.needHelpNow')}
      </button>
      <dialog part="dialog" aria-label=${this.i18n.t('crisis.heading')} @close=${this.onClose}>
        <div class="close-row">
          <button class="button secondary" part="close" type="button" @click=${this.hide}>
            ${this.i18n.t('help.close')}
          </button>
        </div>
        ${
          this.open
            ? html`<peer-crisis-resources
                part="resources"
                heading-level="2"
                exit-url=${this.exitUrl ?? nothing}
              ></peer-crisis-resources>`
            : nothing
        }
      </dialog>`;
  }

  private onClose(): void {
    this.open = false;
    this.link.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-help-link': PeerHelpLink;
  }
}
