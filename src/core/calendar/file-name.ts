/**
 * A file name for a downloaded `.ics`: the letters and digits of `name` (any script) joined by hyphens, lower case,
 * at most 60 characters, then ".ics". Everything else goes: path separators, characters that Windows refuses,
 * spaces, emoji, and invisible direction marks (a right-to-left override can make a name show its letters in
 * another order than they have). A name left empty, or one Windows reserves (CON, NUL…), becomes "event.ics".
 * When the file is discreet, pass the discreet title: the name is there for anyone to see in a downloads list.
 */
export function calendarFileName(name: string): string {
  const words = String(name)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+/u, '');
  const base = [...words].slice(0, 60).join('').replace(/-+$/, '');
  return `${!base || /^(con|prn|aux|nul|com\d|lpt\d)$/.test(base) ? 'event' : base}.ics`;
}
