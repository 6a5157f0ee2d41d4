export type BodyReadResult = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'not-utf8' };

/**
 * Reads a request body as UTF-8 text, giving up as soon as it exceeds `limitBytes` (chunked uploads carry no
 * Content-Length, so the limit must hold while reading, not only before).
 */
export async function readBodyText(request: Request, limitBytes: number): Promise<BodyReadResult> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limitBytes) return { kind: 'too-large' };
  if (!request.body) return { kind: 'ok', text: '' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      return { kind: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { kind: 'ok', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { kind: 'not-utf8' };
  }
}
