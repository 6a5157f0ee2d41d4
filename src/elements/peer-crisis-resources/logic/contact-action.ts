import { safeHref, smsHref, telHref } from '../../../core/safe-url.js';
import type { ContactMethod } from '../data/crisis-data.js';
import { dialString, mentionsAnotherPhone, namesAnotherNumber } from './phone-digits.js';

/** What a student can do with one contact method, ready to render. */
export interface ContactAction {
  kind: 'call' | 'text' | 'chat' | 'website' | 'email' | 'whatsapp' | 'tty' | 'video' | 'visit';
  /** A vetted link, or null when the value is not safe or not linkable (then only text is shown). */
  href: string | null;
  /** The number or address as people read it; always shown as text, and copyable for numbers. */
  display: string;
  /** True when `display` is a number worth copying (desktops cannot call). */
  copyable: boolean;
  /** The SMS keyword to show and pre-fill, unless it names another number. */
  keyword?: string;
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

const NUMBER_TYPES = new Set<ContactMethod['type']>(['phone', 'sms', 'tty', 'whatsapp']);

/**
 * What to show and link for one contact method. For methods that dial a number, the link is always built from
 * `value` (written with any usual separators), and the text shown must be that same number and name no other: a
 * `url`, `displayValue` or SMS keyword that names another number is ignored, because a student must never read one
 * number and dial or copy another. `display` may be a translation of `displayValue`, checked the same way.
 */
export function contactAction(method: ContactMethod, display = method.displayValue): ContactAction {
  const kind = KIND[method.type];
  const dialled = dialString(method.value);
  const numbered = NUMBER_TYPES.has(method.type) || (method.type === 'video-relay' && dialled !== undefined);
  const written = display ?? method.value;
  // An email address or web link shown with a phone number in its text ("Call 555-0199") shows its value instead.
  const webLike = method.type === 'email' || method.type === 'chat' || method.type === 'website';
  const wrong = numbered
    ? namesAnotherNumber(written, method.value)
    : webLike && mentionsAnotherPhone(written, method.value);
  const shown = wrong ? method.value : written;
  // A ready-made link from the data is used only if it passes the same vetting as everything else, and never for
  // a number (the link is built from the number itself).
  const given = method.url === undefined || numbered ? null : safeHref(method.url);
  const keyword =
    method.smsKeyword && !namesAnotherNumber(method.smsKeyword, method.value) ? method.smsKeyword : undefined;
  switch (method.type) {
    case 'phone':
    case 'tty':
      return { kind, href: dialled ? telHref(dialled) : null, display: shown, copyable: true };
    case 'sms':
      return {
        kind,
        href: dialled ? smsHref(dialled, keyword) : null,
        display: shown,
        copyable: true,
        ...(keyword ? { keyword } : {}),
      };
    case 'whatsapp':
      return {
        kind,
        href: dialled ? safeHref(`https://wa.me/${dialled.replace('+', '')}`) : null,
        display: shown,
        copyable: true,
      };
    case 'email':
      return { kind, href: given ?? safeHref(`mailto:${method.value}`), display: shown, copyable: false };
    case 'video-relay':
      return dialled
        ? { kind, href: telHref(dialled), display: shown, copyable: true }
        : { kind, href: given ?? safeHref(method.value), display: shown, copyable: false };
    case 'walk-in':
      return { kind, href: null, display: shown, copyable: false };
    default:
      return { kind, href: given ?? safeHref(method.value), display: shown, copyable: false };
  }
}
