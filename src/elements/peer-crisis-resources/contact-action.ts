import { safeHref, smsHref, telHref } from '../../core/safe-url.js';
import type { ContactMethod } from './crisis-data.js';
import { sameNumber } from './phone-digits.js';

/** What a student can do with one contact method, ready to render. */
export interface ContactAction {
  kind: 'call' | 'text' | 'chat' | 'website' | 'email' | 'whatsapp' | 'tty' | 'video' | 'visit';
  /** A vetted link, or null when the value is not safe or not linkable (then only text is shown). */
  href: string | null;
  /** The number or address as people read it; always shown as text, and copyable for numbers. */
  display: string;
  /** True when `display` is a number worth copying (desktops cannot call). */
  copyable: boolean;
}

const KIND: Record<ContactMethod['type'], ContactAction['kind']> = {
  phone: 'call',
  sms: 'text',
  chat: 'chat',
  website: 'website',
  email: 'email',
  whatsapp: 'whatsapp',
  tty: 'tty',
  'video-relay': 'video',
  'walk-in': 'visit',
};

const isNumber = (value: string) => /^\+?[0-9]{2,15}$/.test(value);

/**
 * What to show and link for one contact method. For methods that dial a number, the link is always built from
 * `value` and the text shown must be that same number: a `url` or a `displayValue` that names another number is
 * ignored, because a student must never read one number and dial another. `displayValue` may be a translation
 * (`display`), checked the same way.
 */
export function contactAction(method: ContactMethod, display = method.displayValue): ContactAction {
  const kind = KIND[method.type];
  const dialled = isNumber(method.value);
  const shown = display ?? method.value;
  const numberText = dialled && !sameNumber(shown, method.value) ? method.value : shown;
  // A ready-made link from the data is used only if it passes the same vetting as everything else.
  const given = method.url === undefined ? null : safeHref(method.url);
  switch (method.type) {
    case 'phone':
    case 'tty':
      return { kind, href: dialled ? telHref(method.value) : null, display: numberText, copyable: true };
    case 'sms':
      return {
        kind,
        href: dialled ? smsHref(method.value, method.smsKeyword) : null,
        display: numberText,
        copyable: true,
      };
    case 'whatsapp':
      return {
        kind,
        href: dialled ? safeHref(`https://wa.me/${method.value.replace('+', '')}`) : null,
        display: numberText,
        copyable: true,
      };
    case 'email':
      return { kind, href: given ?? safeHref(`mailto:${method.value}`), display: shown, copyable: false };
    case 'video-relay':
      return dialled
        ? { kind, href: telHref(method.value), display: numberText, copyable: true }
        : { kind, href: given ?? safeHref(method.value), display: shown, copyable: false };
    case 'walk-in':
      return { kind, href: null, display: shown, copyable: false };
    default:
      return { kind, href: given ?? safeHref(method.value), display: shown, copyable: false };
  }
}
