/** Opening hours that never close, in a given zone. */
export const alwaysOpen = (timeZone = 'Pacific/Auckland') => ({ timeZone, alwaysOpen: true, weekly: [] });

/**
 * A valid CrisisResourceInput for a fictional country (no bundled line shares it); tests override what they are
 * about.
 */
export function resourceInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Test support line',
    description: 'A line for the tests.',
    country: 'XA',
    subdivisions: [],
    scope: 'national',
    topics: ['general'],
    audiences: ['everyone'],
    languages: ['en'],
    humanSupport: 'trained-volunteer',
    free: true,
    anonymous: true,
    isEmergency: false,
    verifiedAt: '2025-01-15',
    source: { name: 'Test source', url: 'https://source.example/lines' },
    contactMethods: [{ type: 'phone', value: '+6495550100', displayValue: '09 555 0100', hours: alwaysOpen() }],
    ...overrides,
  };
}
