import type { MessageKey } from '../../../core/i18n/en.js';
import { scaleOf, type Instrument } from '../instruments/instruments.js';
import type { Field, FormState } from '../templates/form-templates.js';

/** A plausible email address: what `<input type="email">` accepts (the WHATWG "valid email address" grammar). */
const EMAIL = /^[\w.!#$%&'*+/=?^`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*$/i;
/** A phone number as people type it: digits with spaces, +, -, dots and brackets; 3 to 32 characters, 3+ digits. */
const PHONE = /^[\d\s+().-]{3,32}$/;

/**
 * The fields that need attention, in the order they appear, each with the message that says how to fix it. Only
 * what the next step needs is required: the mood or every instrument item, and, when the student asked to be
 * contacted, a way to reach them and their consent. The safety question, words, topics and note stay optional.
 */
export function validate(mode: Instrument, form: FormState): Map<Field, MessageKey> {
  const errors = new Map<Field, MessageKey>();
  if (mode === 'mood') {
    if (form.level === undefined) errors.set('mood', 'checkIn.error.mood');
  } else {
    scaleOf(mode).items.forEach((_, index) => {
      if (form.scaleAnswers[index] === undefined) errors.set(`item-${index}`, 'checkIn.error.item');
    });
  }
  if (form.followUp) {
    const contact = form.contact.trim();
    if (form.channel === 'email' && !(EMAIL.test(contact) && contact.length <= 254)) {
      errors.set('contact', 'checkIn.error.email');
    }
    if (form.channel === 'phone' && !(PHONE.test(contact) && (contact.match(/\d/g)?.length ?? 0) >= 3)) {
      errors.set('contact', 'checkIn.error.phone');
    }
    if (!form.consent) errors.set('consent', 'checkIn.error.consent');
  }
  return errors;
}
