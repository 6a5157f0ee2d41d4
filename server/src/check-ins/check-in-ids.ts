import { randomBytes } from 'node:crypto';

/**
 * Random ids (96 bits, base64url) with a prefix that says what they name. They carry nothing about the student or
 * the time, so an id seen anywhere tells nothing, and two ids cannot be put in order.
 */
function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

export const newCheckInId = () => randomId('ci');
export const newFollowUpId = () => randomId('fu');
