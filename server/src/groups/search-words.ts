/**
 * Free-text search over a group's name and summary (GET /groups?q=). Words are compared lower-cased and without
 * accents ("estrés" finds "estres" and the other way round), and each word of the question matches the start of a
 * word ("anx" finds "anxiety"). The words are made here rather than by a PostgreSQL text search configuration, so
 * that PGlite and PostgreSQL agree whatever their locales, and they reach the database as literal lexemes, never
 * as query syntax.
 */

/** Longer words are cut: nobody types 60 letters to find a group, and lexemes stay small. */
const MAX_WORD_LENGTH = 60;
/** A question of more words than this uses only the first ones. */
const MAX_QUESTION_WORDS = 10;

/** Lower case, compatibility forms folded (ﬁ → fi), accents and other combining marks removed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The distinct words of a text: runs of letters and digits after folding. */
export function searchWords(text: string): string[] {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_WORD_LENGTH)))];
}

/** What the `search` column holds for a group: the words of its name and summary (a tsvector's lexemes). */
export function groupSearchWords(name: string, summary: string): string[] {
  return searchWords(`${name} ${summary}`);
}

/**
 * The parts of a tsquery in text form that a group matches when every word of the question starts one of its
 * words, e.g. `'grief':*` and `'circle':*`; none when the question has no letters or digits (then it filters
 * nothing). Each word holds only letters and digits, so quoting it as a lexeme is all the escaping it needs.
 */
export function prefixQuery(question: string): string[] {
  return searchWords(question)
    .slice(0, MAX_QUESTION_WORDS)
    .map((word) => `'${word}':*`);
}
