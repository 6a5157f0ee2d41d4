/** What one security scheme of the contract says about a request. */
export type SecurityOutcome =
  | { kind: 'ok' }
  /** No credentials of this scheme were sent. */
  | { kind: 'missing' }
  /** Credentials were sent but are wrong, expired or revoked. */
  | { kind: 'invalid' }
  /** This server has the scheme switched off (e.g. no ADMIN_TOKEN configured). */
  | { kind: 'disabled' };

export type SecuritySchemeCheck = (request: Request) => SecurityOutcome | Promise<SecurityOutcome>;

/** Checks by scheme name as in components.securitySchemes ("adminAuth"); a scheme without one always fails. */
export type SecuritySchemeChecks = Readonly<Record<string, SecuritySchemeCheck>>;
