import { html, nothing } from 'lit';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import type { MessageKey } from '../../../core/i18n/en.js';

export interface SignInView {
  busy: boolean;
  /** A message over the form: why the last attempt failed, or that the session ended. */
  message?: { key: MessageKey; values?: Record<string, string | number> };
  onSubmit: (login: string, password: string) => void;
}

/** A notice with its values (seconds, a time) isolated, so they read in order in right-to-left pages. */
function noticeText(i18n: LocalizeController, message: NonNullable<SignInView['message']>) {
  const values = message.values;
  if (!values) return i18n.t(message.key);
  return i18n.parts(
    message.key,
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, html`<bdi>${value}</bdi>`])),
  );
}

/**
 * The sign-in form. The password is read from the field on submit and never kept by the element; the browser's
 * password manager may fill both fields (autocomplete names them).
 */
export function signInForm(i18n: LocalizeController, level: number, view: SignInView) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    view.onSubmit(String(data.get('login') ?? '').trim(), String(data.get('password') ?? ''));
  };
  return html`<section part="sign-in" aria-labelledby="sign-in-heading">
    <div role="heading" aria-level=${level} id="sign-in-heading" part="sign-in-heading" tabindex="-1">
      ${i18n.t('inbox.signIn.heading')}
    </div>
    <p part="sign-in-intro">${i18n.t('inbox.signIn.intro')}</p>
    ${
      view.message
        ? html`<p part="notice" id="sign-in-message" tabindex="-1">${noticeText(i18n, view.message)}</p>`
        : nothing
    }
    <form
      part="sign-in-form"
      @submit=${submit}
      novalidate
      aria-describedby=${view.message ? 'sign-in-message' : nothing}
    >
      <div class="field">
        <label for="login">${i18n.t('inbox.signIn.login')}</label>
        <input id="login" name="login" part="login" autocomplete="username" required maxlength="254" />
      </div>
      <div class="field">
        <label for="password">${i18n.t('inbox.signIn.password')}</label>
        <input
          id="password"
          name="password"
          part="password"
          type="password"
          autocomplete="current-password"
          required
          maxlength="256"
        />
      </div>
      <div class="actions">
        <button class="button" part="sign-in-submit" type="submit" aria-disabled=${view.busy ? 'true' : 'false'}>
          ${i18n.t(view.busy ? 'inbox.signIn.sending' : 'inbox.signIn.submit')}
        </button>
      </div>
    </form>
  </section>`;
}
