import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CrisisResource, EmergencyNumber } from '../contract/api-types.ts';
import type { CompiledContract } from '../contract/compiled-contract.ts';
import { toFieldErrors } from '../contract/field-errors.ts';
import { componentSchemaValidator } from '../contract/schema-validator.ts';
import type { Logger } from '../logging/logger.ts';
import { repoRoot } from '../paths.ts';
import { crisisResourceRuleErrors } from './crisis-resource-rules.ts';

/**
 * The dated crisis data the widgets bundle (emergency numbers per country, national lines), which the server
 * reuses: emergency numbers go into every GET /crisis-resources answer, national lines seed the demo database.
 */
export interface BundledCrisisData {
  emergencyNumbers: EmergencyNumber[];
  nationalLines: CrisisResource[];
}

export const defaultCrisisDataDir = path.join(repoRoot, 'src', 'elements', 'peer-crisis-resources', 'data');
export const EMERGENCY_NUMBERS_FILE = 'emergency-numbers.json';
export const NATIONAL_LINES_FILE = 'national-lines.json';

async function readJson(file: string, logger: Logger): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    logger.warn(missing ? 'bundled crisis data file is missing' : 'bundled crisis data file cannot be read', {
      file,
      error: missing ? undefined : (error as Error).message,
    });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    logger.error('bundled crisis data file is not valid JSON', { file, error: (error as Error).message });
    return undefined;
  }
}

/** Keeps the entries the contract schema accepts; each rejected one is logged with its problems. */
function keepValid<T>(
  entries: unknown[],
  file: string,
  logger: Logger,
  isValid: (entry: unknown) => { ok: true; value: T } | { ok: false; problems: string },
): T[] {
  const kept: T[] = [];
  entries.forEach((entry, index) => {
    const outcome = isValid(entry);
    if (outcome.ok) kept.push(outcome.value);
    else logger.warn('bundled crisis record skipped', { file, index, problems: outcome.problems });
  });
  return kept;
}

function describeProblems(problems: Array<{ field: string; message: string }>): string {
  return problems.map((problem) => `${problem.field} ${problem.message}`).join('; ');
}

/** Ids are primary keys: a second record with the same id is dropped rather than overwriting the first. */
function firstOfEachId(lines: CrisisResource[], file: string, logger: Logger): CrisisResource[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    if (!seen.has(line.id)) {
      seen.add(line.id);
      return true;
    }
    logger.warn('bundled crisis record repeats an id; the later one is skipped', { file, id: line.id });
    return false;
  });
}

/** Pairings may only name lines of the same file, and are made mutual (as the admin endpoints keep them). */
function mutualPairings(lines: CrisisResource[], file: string, logger: Logger): CrisisResource[] {
  const ids = new Set(lines.map((line) => line.id));
  const partners = new Map<string, Set<string>>(lines.map((line) => [line.id, new Set<string>()]));
  for (const line of lines) {
    for (const other of line.pairedWith) {
      if (!ids.has(other)) {
        logger.warn('bundled crisis record names an unknown partner; pairing dropped', { file, id: line.id, other });
        continue;
      }
      partners.get(line.id)!.add(other);
      partners.get(other)!.add(line.id);
    }
  }
  return lines.map((line) => ({ ...line, pairedWith: [...partners.get(line.id)!] }));
}

/**
 * Reads and checks both files. A missing or broken file is logged and read as empty: the server must still start,
 * because crisis help in the widgets never depends on this backend.
 */
export async function loadBundledCrisisData(
  contract: CompiledContract,
  logger: Logger,
  directory: string = defaultCrisisDataDir,
): Promise<BundledCrisisData> {
  const validateNumber = componentSchemaValidator(contract, 'EmergencyNumber');
  const validateResource = componentSchemaValidator(contract, 'CrisisResource');

  const numbersFile = path.join(directory, EMERGENCY_NUMBERS_FILE);
  const numbersJson = await readJson(numbersFile, logger);
  if (numbersJson !== undefined && !Array.isArray(numbersJson)) {
    logger.error('bundled emergency numbers must be a JSON array', { file: numbersFile });
  }
  const emergencyNumbers = keepValid<EmergencyNumber>(
    Array.isArray(numbersJson) ? numbersJson : [],
    numbersFile,
    logger,
    (entry) =>
      validateNumber(entry)
        ? { ok: true, value: entry as EmergencyNumber }
        : { ok: false, problems: describeProblems(toFieldErrors('body', validateNumber.errors)) },
  );

  const linesFile = path.join(directory, NATIONAL_LINES_FILE);
  const linesJson = await readJson(linesFile, logger);
  const items = (linesJson as { items?: unknown } | undefined)?.items;
  if (linesJson !== undefined && !Array.isArray(items)) {
    logger.error('bundled national lines must be a CrisisResourceList ({ "items": [...] })', { file: linesFile });
  }
  const nationalLines = keepValid<CrisisResource>(Array.isArray(items) ? items : [], linesFile, logger, (entry) => {
    if (!validateResource(entry)) {
      return { ok: false, problems: describeProblems(toFieldErrors('body', validateResource.errors)) };
    }
    const line = entry as CrisisResource;
    const problems = crisisResourceRuleErrors(line);
    if (line.scope !== 'national') problems.push({ field: '/body/scope', message: 'must be national in this file' });
    return problems.length > 0 ? { ok: false, problems: describeProblems(problems) } : { ok: true, value: line };
  });

  if (emergencyNumbers.length === 0) {
    logger.warn('no bundled emergency numbers: GET /crisis-resources answers with an empty emergencyNumbers list', {
      file: numbersFile,
    });
  }
  if (nationalLines.length === 0) {
    logger.warn('no bundled national lines: SEED=demo adds only the campus services', { file: linesFile });
  }
  logger.info('bundled crisis data loaded', {
    emergencyNumbers: emergencyNumbers.length,
    nationalLines: nationalLines.length,
  });
  return {
    emergencyNumbers,
    nationalLines: mutualPairings(firstOfEachId(nationalLines, linesFile, logger), linesFile, logger),
  };
}
