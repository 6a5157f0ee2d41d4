import type { Schemas } from '../contract/api-types.ts';
import type { Supporter } from './supporter-repository.ts';
import { trainingView } from './training.ts';

/**
 * The contract's SupporterProfile: id, display name, roles and training as of `today` (the campus's date). Built
 * field by field, so that nothing else on the account (its login, its password hash) can ever reach an answer.
 */
export function profileView(supporter: Supporter, today: string): Schemas['SupporterProfile'] {
  return {
    id: supporter.id,
    displayName: supporter.displayName,
    roles: supporter.roles,
    training: trainingView(supporter.training, today),
  };
}
