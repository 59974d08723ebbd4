// Byte-level helpers for the single-byte code pages that mojibake comes through.
// "Sloppy" Windows-1252 (the WHATWG definition): the 27 assigned bytes in 0x80–0x9F map to their
// typographic characters, the five unassigned ones (0x81 0x8D 0x8F 0x90 0x9D) to the C1 control with
// the same number, exactly as Latin-1 maps the whole 0x80–0x9F row. One table therefore undoes both
// Windows-1252 and Latin-1 mojibake, and even a mixture of the two.

/** Windows-1252 bytes 0x80–0x9F that differ from Latin-1, as [byte, code point]. */
export const CP1252_SPECIALS: ReadonlyArray<readonly [number, number]> = [
  [0x80, 0x20ac],
  [0x82, 0x201a],
  [0x83, 0x0192],
  [0x84, 0x201e],
  [0x85, 0x2026],
  [0x86, 0x2020],
  [0x87, 0x2021],
  [0x88, 0x02c6],
  [0x89, 0x2030],
  [0x8a, 0x0160],
  [0x8b, 0x2039],
  [0x8c, 0x0152],
  [0x8e, 0x017d],
  [0x91, 0x2018],
  [0x92, 0x2019],
  [0x93, 0x201c],
  [0x94, 0x201d],
  [0x95, 0x2022],
  [0x96, 0x2013],
  [0x97, 0x2014],
  [0x98, 0x02dc],
  [0x99, 0x2122],
  [0x9a, 0x0161],
  [0x9b, 0x203a],
  [0x9c, 0x0153],
  [0x9e, 0x017e],
  [0x9f, 0x0178],
];

/** Bytes Windows-1252 leaves unassigned. */
export const CP1252_UNDEFINED: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const SPECIAL_TO_BYTE = new Map<number, number>(CP1252_SPECIALS.map(([b, c]) => [c, b]));

/** The byte a character came from when sloppy-1252/Latin-1 decoded it, or -1 if it cannot have. */
export function sloppyByte(code: number): number {
  if (code <= 0xff) return code;
  return SPECIAL_TO_BYTE.get(code) ?? -1;
}

/** Encode as sloppy Windows-1252; null if some character has no byte. */
export function encodeSloppy1252(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = sloppyByte(text.charCodeAt(i));
    if (b < 0) return null;
    out[i] = b;
  }
  return out;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 decode (a leading BOM is kept as U+FEFF); null if the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
