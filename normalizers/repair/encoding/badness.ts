// "Badness": how many character pairs in a text are next to impossible in real writing but are
// exactly what UTF-8 read as Windows-1252/Latin-1 produces. A repair is only kept when it lowers this
// count, so every rule here must stay at zero on clean text in any Latin-script language.
//
// Vocabulary (by the byte a character stands for once re-encoded as Windows-1252):
//   continuation  bytes 0x80–0xBF: C1 controls, the 1252 typographic row (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž
//                 ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ) and Latin-1 NBSP…¿.
//   strange       continuation characters that never directly follow a letter in real text:
//                 C1 controls, ƒ „ † ‡ ˆ ‰ Š ‹ Œ Ž ˜ š › œ ž Ÿ ‚ and ¡ ¢ ¤ ¥ ¦ ¨ ¬ soft-hyphen ¯ ¸ ¿.
//   symbol        € £ § ª º ± µ ¶ · ¼ ½ ¾ ¹ ² ³ ™ © ® — may end a word, never sits inside one.
//
// Rules, each occurrence counts one:
//   c1     any C1 control U+0080–U+009F (never in real text; Latin-1 mojibake leaves them).
//   lead   Â, Ã, â or ï followed by any continuation character (Ã¤ Â° â€ ï»¿). These four are the
//          lead bytes of å ä ö é…, of NBSP…¿, of all typographic punctuation and of the BOM/private
//          use area, and no real word has them before such a character. One exception keeps
//          Portuguese capitals and French ï safe: Ã or ï before a closing quote ” ’ » that ends the
//          word (next is not a letter nor a continuation character), as in «IRMÃ» or «Hawaï»
//          (so the word-final mojibake Ô Ò û is only repaired with definite mojibake around it).
//   upper  another Latin-1 capital (À–Þ) followed by a strange character, or by a symbol with a letter
//          right after it (Å¡, WaÅ‚Ä™sa; but «ÅÄÖ», ÅÄÖ…, SJÖ¹, Ä§ 4 stay clean).
//   lower  a Latin-1 lowercase letter (ß–ÿ) followed by a strange character or a symbol (ä¸­, ð\u009f). These are lead bytes of 3- and 4-byte sequences, so a repair also needs a
//          second continuation character to round-trip.
import { CP1252_SPECIALS } from '../../../extractors/encoding/cp1252.js';

enum K {
  None = 0,
  Cont = 1, // continuation character
  Strange = 2,
  Symbol = 4,
}

/** Class bits by code point for U+0000–U+00FF; the 1252 specials are looked up separately. */
const CLASS = new Uint8Array(0x100);
const SPECIAL_CLASS = new Map<number, number>();

const STRANGE = 'ƒ„†‡ˆ‰Š‹ŒŽ˜š›œžŸ‚¡¢¤¥¦¨¬\u00ad¯¸¿';
const SYMBOL = '€£§ªº±µ¶·¼½¾¹²³™©®';

for (let c = 0x80; c <= 0xbf; c++) CLASS[c] = K.Cont;
for (let c = 0x80; c <= 0x9f; c++) CLASS[c] |= K.Strange;
for (const [, c] of CP1252_SPECIALS) SPECIAL_CLASS.set(c, K.Cont);
for (const [chars, bit] of [
  [STRANGE, K.Strange],
  [SYMBOL, K.Symbol],
] as const) {
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    if (c <= 0xff) CLASS[c] |= bit;
    else SPECIAL_CLASS.set(c, (SPECIAL_CLASS.get(c) ?? 0) | bit);
  }
}

function cls(code: number): number {
  if (code < 0x80) return K.None;
  if (code <= 0xff) return CLASS[code];
  return SPECIAL_CLASS.get(code) ?? K.None;
}

const LETTER = /\p{L}/u;
function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER.test(String.fromCharCode(code));
}

const A_CIRC = 0xc2; // Â
const A_TILDE = 0xc3; // Ã
const a_CIRC = 0xe2; // â
const i_DIAER = 0xef; // ï
const CLOSING = new Set([0x201d, 0x2019, 0xbb]); // ” ’ »

/** Cheap pre-filter: can this text have any badness at all? */
export function mayBeBad(text: string): boolean {
  return /[\u0080-\u009f\u00c0-\u00ff]/.test(text);
}

/** Count of mojibake-looking character pairs (and C1 controls) in `text`. */
export function badness(text: string): number {
  let n = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c <= 0x9f) {
      n++; // c1
      continue;
    }
    if (c < 0xc0 || c > 0xff || i + 1 >= len) continue;
    const next = text.charCodeAt(i + 1);
    const k = cls(next);
    if (k === K.None) continue;
    if (c === A_CIRC || c === A_TILDE || c === a_CIRC || c === i_DIAER) {
      if ((c === A_TILDE || c === i_DIAER) && CLOSING.has(next)) {
        const after = i + 2 < len ? text.charCodeAt(i + 2) : -1;
        if (after < 0 || (!isLetter(after) && cls(after) === K.None)) continue; // «IRMÃ»
      }
      n++; // lead
    } else if (c <= 0xde) {
      if (c === 0xd7) continue; // ×
      if (k & K.Strange || (k & K.Symbol && i + 2 < len && isLetter(text.charCodeAt(i + 2)))) n++; // upper
    } else if (c !== 0xf7 && k & (K.Strange | K.Symbol)) {
      n++; // lower
    }
  }
  return n;
}
