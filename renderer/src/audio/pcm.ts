// Pure helpers of the recorder, apart so they are unit-tested without a browser.

export function pickMime(isSupported: (m: string) => boolean): string | null {
  return ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus'].find(isSupported) ?? null;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Float samples (−1..1) to 16-bit little-endian PCM. */
export function floatToPcm16(chunks: Float32Array[]): Uint8Array {
  const n = chunks.reduce((s, c) => s + c.length, 0);
  const out = new DataView(new ArrayBuffer(n * 2));
  let o = 0;
  for (const c of chunks)
    for (let i = 0; i < c.length; i++, o += 2) {
      const v = Math.max(-1, Math.min(1, c[i]!));
      out.setInt16(o, v < 0 ? v * 0x8000 : v * 0x7fff, true);
    }
  return new Uint8Array(out.buffer);
}
