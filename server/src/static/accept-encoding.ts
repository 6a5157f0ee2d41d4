/** The content codings the static server can send, in its order of preference when the client rates them equally. */
export type Coding = 'br' | 'gzip' | 'identity';

/** Quality values by coding name from an Accept-Encoding header (RFC 9110 §12.5.3); invalid members are ignored. */
function parseAcceptEncoding(header: string): Map<string, number> {
  const qualities = new Map<string, number>();
  for (const member of header.split(',')) {
    const [rawName, ...params] = member.split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((part) => part.trim());
      if (key?.toLowerCase() !== 'q') continue;
      // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); anything else makes the member invalid.
      q = value !== undefined && /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : Number.NaN;
    }
    if (Number.isNaN(q)) continue;
    // "x-gzip" is an alias of "gzip" (RFC 9110 §8.4.1.3).
    const coding = name === 'x-gzip' ? 'gzip' : name;
    qualities.set(coding, Math.max(q, qualities.get(coding) ?? 0));
  }
  return qualities;
}

/**
 * Picks the coding to send from those `available` (identity is always available), for a request's Accept-Encoding:
 * the highest quality wins, ties go to the earlier coding in `available`. Without the header, identity is sent.
 * When the client refuses every coding, identity included (`identity;q=0` or `*;q=0`), identity is sent anyway: the
 * RFC's advice for a server that has nothing acceptable, and better than no script at all.
 */
export function negotiateEncoding(header: string | undefined, available: readonly Coding[]): Coding {
  if (header === undefined) return 'identity';
  const qualities = parseAcceptEncoding(header);
  const star = qualities.get('*');
  const qualityOf = (coding: Coding): number => {
    const explicit = qualities.get(coding);
    if (explicit !== undefined) return explicit;
    if (star !== undefined) return star;
    // identity is acceptable unless excluded, but a client that names codings prefers them: rate it as the least of
    // those named (ties go to the compressed copy). Other codings are acceptable only when named.
    return coding === 'identity' ? Math.min(1, ...qualities.values()) : 0;
  };
  let best: Coding = 'identity';
  let bestQuality = 0;
  for (const coding of [...available.filter((c) => c !== 'identity'), 'identity'] as Coding[]) {
    const quality = qualityOf(coding);
    if (quality > bestQuality) {
      best = coding;
      bestQuality = quality;
    }
  }
  return best;
}
