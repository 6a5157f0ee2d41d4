import { MAX_FIELD_ERRORS, type FieldError } from '../http/problem.ts';
import { clipFieldText, escapePointerToken } from './field-errors.ts';

/**
 * Text that no database can store as text: PostgreSQL refuses NUL (U+0000) in `text` and `jsonb`, and an unpaired
 * UTF-16 surrogate is not Unicode at all (JSON.parse turns "\ud800" into one), so it cannot be encoded as UTF-8.
 */
const NUL = /\u0000/;
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_GLOBAL = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Why `text` cannot be stored, as the rest of a field message ("must not contain …"), or undefined if it can. */
export function unstorableReason(text: string): string | undefined {
  if (NUL.test(text)) return 'a NUL character (U+0000)';
  if (UNPAIRED_SURROGATE.test(text)) return 'an unpaired UTF-16 surrogate (text that is not valid Unicode)';
  return undefined;
}

/** For naming a field whose own name is unstorable: the bad characters become U+FFFD. */
function printable(text: string): string {
  return text.replace(UNSTORABLE_GLOBAL, '\uFFFD');
}

/** Where the values were: "body" for the parsed JSON, or a parameter location whose values are keyed by name. */
export type TextLocation = 'path' | 'query' | 'header' | 'body';

/**
 * Every string in `value` (object keys included) that the database could not store, as field errors in the
 * contract's format: `/body/notes/0`, `/query/q`, `/path/groupId`. For parameters, `value` is the object keyed by
 * parameter name and `displayName` gives a parameter's spelling (header names are held in lower case).
 *
 * The walk uses its own stack, not recursion: a 64 KiB body can nest arrays thousands deep.
 */
export function unstorableTextErrors(
  location: TextLocation,
  value: unknown,
  displayName: (name: string) => string = (name) => name,
): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => {
    if (errors.length < MAX_FIELD_ERRORS) errors.push({ field: clipFieldText(field), message });
  };
  interface Entry {
    value: unknown;
    pointer: string;
    depth: number;
    /** For an object member: its name, which must be storable too. */
    key?: string;
  }
  const stack: Entry[] = [{ value, pointer: `/${location}`, depth: 0 }];
  while (stack.length > 0 && errors.length < MAX_FIELD_ERRORS) {
    const item = stack.pop()!;
    const keyReason = item.key === undefined ? undefined : unstorableReason(item.key);
    if (keyReason) add(item.pointer, `has a name that contains ${keyReason}`);
    if (typeof item.value === 'string') {
      const reason = unstorableReason(item.value);
      if (reason) add(item.pointer, `must not contain ${reason}`);
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    // Parameters: the first level is keyed by parameter name, spelt as the contract spells it.
    const name = item.depth === 0 && location !== 'body' ? displayName : (key: string) => key;
    const depth = item.depth + 1;
    const children: Entry[] = Array.isArray(item.value)
      ? item.value.map((child, index) => ({ value: child, pointer: `${item.pointer}/${index}`, depth }))
      : Object.entries(item.value).map(([key, child]) => ({
          value: child,
          pointer: `${item.pointer}/${escapePointerToken(printable(name(key)))}`,
          depth,
          key,
        }));
    // Reversed, so that errors come out in document order.
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
  }
  return errors;
}
