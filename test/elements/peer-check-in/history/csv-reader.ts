/**
 * A small, strict RFC 4180 reader for checking what the export writes: records end with CRLF (the last one too),
 * a quoted field may hold commas, CR, LF and doubled quotes, an unquoted field may hold none of those. Throws on
 * anything else, so a writer that bends the rules fails the test instead of being read generously.
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const endField = (field: string) => {
    record.push(field);
    if (text[i] === ',') {
      i++;
      return;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      return;
    }
    throw new Error(`Expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 5))}`);
  };
  while (i < text.length) {
    if (text[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('A quoted field does not end');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      endField(field);
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\r') {
        if (text[end] === '"' || text[end] === '\n')
          throw new Error(`A bare quote or LF in an unquoted field at ${end}`);
        end++;
      }
      const field = text.slice(i, end);
      i = end;
      endField(field);
    }
  }
  if (record.length) throw new Error('The last record does not end with CRLF');
  return records;
}
