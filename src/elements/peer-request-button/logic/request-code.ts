import { ID, SECRET } from './request-data.js';

/**
 * The code a student keeps to check a request from any device: the request's id and its secret in one string to
 * copy, "pr_5HV2C9.4kQ9-TzM2-8wXa-Pb7L". Ids and secrets use only letters, digits, "_" and "-", so "." separates
 * them unambiguously. Shown once, kept nowhere by the widget.
 */
export interface RequestCode {
  requestId: string;
  secret: string;
}

export function formatRequestCode({ requestId, secret }: RequestCode): string {
  return `${requestId}.${secret}`;
}

/** Reads a typed or pasted code (spaces and line breaks forgiven); undefined when it is not one. */
export function parseRequestCode(text: string): RequestCode | undefined {
  const [requestId = '', secret = '', extra] = text.replace(/\s+/g, '').split('.');
  if (extra !== undefined || !ID.test(requestId) || !SECRET.test(secret)) return undefined;
  return { requestId, secret };
}
