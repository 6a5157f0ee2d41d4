/**
 * The cancel code a student keeps after joining: everything `DELETE /groups/{groupId}/registrations/{id}` needs
 * (the group, the registration and its token) in one string to copy, "grp_x.reg_y.token". The contract's ids and
 * tokens use only letters, digits, "_" and "-", so "." separates them unambiguously. The code is shown once and
 * kept nowhere by the widget.
 */
export interface CancelCode {
  groupId: string;
  registrationId: string;
  token: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function cancelCode({ groupId, registrationId, token }: CancelCode): string {
  return `${groupId}.${registrationId}.${token}`;
}

/** Reads a pasted code (surrounding space and line breaks forgiven); undefined when it is not one. */
export function parseCancelCode(text: string): CancelCode | undefined {
  const [groupId = '', registrationId = '', token = '', extra] = text.replace(/\s+/g, '').split('.');
  if (extra !== undefined || !ID.test(groupId) || !ID.test(registrationId) || !TOKEN.test(token)) return undefined;
  return { groupId, registrationId, token };
}
