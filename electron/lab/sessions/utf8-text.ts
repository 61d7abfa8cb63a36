/**
 * Bytes → text, refusing bytes that are not UTF-8 rather than replacing them
 * with U+FFFD (a replaced byte would load as a different name or number than
 * the file holds). A leading BOM is dropped, as editors on Windows write one.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badByte: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { badByte: firstBadUtf8Byte(bytes) };
  }
}

/**
 * Offset (from 0, as hex editors count) where the first ill-formed sequence
 * starts, or -1, per the Unicode rules TextDecoder follows: no overlong forms,
 * no surrogates, nothing above U+10FFFF, no stray or cut-off sequence.
 */
export function firstBadUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] = sequenceOf(lead);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      // The second byte's range rules out overlong forms, surrogates and > U+10FFFF.
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return -1;
}

/** Sequence length and the allowed range of its second byte, for a lead byte (length 0: not a lead byte). */
function sequenceOf(lead: number): [number, number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
