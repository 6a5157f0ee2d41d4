import emergencyNumbersJson from './emergency-numbers.json';
import nationalLinesJson from './national-lines.json';
import type { CrisisResource, EmergencyNumber } from './crisis-data.js';

/**
 * The dated dataset shipped inside the library, so crisis help renders at once with no network. Its shape is
 * checked against the contract by test/node/crisis-data.test.mjs, so it is trusted here without runtime checks.
 */
const emergencyNumbers = emergencyNumbersJson as EmergencyNumber[];
const nationalLines = nationalLinesJson.items as CrisisResource[];

/** When the bundled national lines were last checked as a whole (the list's date). */
export const BUNDLED_DATE: string = nationalLinesJson.generatedAt;

export function bundledEmergencyNumbers(country: string): EmergencyNumber[] {
  return emergencyNumbers.filter((entry) => entry.country === country);
}

export function bundledResources(country: string): CrisisResource[] {
  return nationalLines.filter((resource) => resource.country === country);
}

/** Every country the bundled data knows an emergency number for, for the country picker. */
export function bundledCountries(): string[] {
  return [...new Set(emergencyNumbers.map((entry) => entry.country))];
}
