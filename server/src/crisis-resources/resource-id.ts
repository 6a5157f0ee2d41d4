import { randomBytes } from 'node:crypto';

/** Ids are at most 64 characters; leave room for the random suffix. */
const MAX_SLUG = 48;

/**
 * A readable id for a record created without one: a slug of its name plus a random suffix, e.g.
 * "northfield-nightline-3f9a1c2b". Ids are opaque to clients; the slug only helps people reading logs and data.
 */
export function generateResourceId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return `${slug || 'resource'}-${randomBytes(4).toString('hex')}`;
}
