import { HttpProblem, type FieldError } from './problem.ts';

/** A 400 that names each bad field, worded like the contract validation's own answers. */
export function validationProblem(errors: FieldError[]): HttpProblem {
  return new HttpProblem(400, {
    detail: errors.length === 1 ? 'One field is not valid.' : `${errors.length} fields are not valid.`,
    errors,
  });
}
