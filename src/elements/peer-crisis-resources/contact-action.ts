import { safeHref, smsHref, telHref } from '../../core/safe-url.js';
import type { ContactMethod } from './crisis-data.js';

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

export function contactAction(method: ContactMethod): ContactAction {
  const kind = KIND[method.type];
  const display = method.displayValue ?? method.value;
  // A ready-made link from the data is used only if it passes the same vetting as everything else.
  const given = method.url === undefined ? null : safeHref(method.url);
  switch (method.type) {
    case 'phone':
    case 'tty':
      return { kind, href: given ?? (isNumber(method.value) ? telHref(method.value) : null), display, copyable: true };
    case 'sms':
      return {
        kind,
        href: given ?? (isNumber(method.value) ? smsHref(method.value, method.smsKeyword) : null),
        display,
        copyable: true,
      };
    case 'whatsapp':
      return {
        kind,
        href: given ?? (isNumber(method.value) ? safeHref(`https://wa.me/${method.value.replace('+', '')}`) : null),
        display,
        copyable: true,
      };
    case 'email':
      return { kind, href: given ?? safeHref(`mailto:${method.value}`), display, copyable: false };
    case 'video-relay':
      return isNumber(method.value)
        ? { kind, href: given ?? telHref(method.value), display, copyable: true }
        : { kind, href: given ?? safeHref(method.value), display, copyable: false };
    case 'walk-in':
      return { kind, href: null, display, copyable: false };
    default:
      return { kind, href: given ?? safeHref(method.value), display, copyable: false };
  }
}
