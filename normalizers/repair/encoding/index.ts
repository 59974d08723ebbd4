// Text-encoding detection and mojibake repair for plain-text plan exports.
import { decodeBytes, type DetectedEncoding } from '../../../extractors/encoding/decode.js';
import { repairMojibake, type Repair } from './repair.js';

export { badness } from './badness.js';
export { decodeBytes, type DetectedEncoding } from '../../../extractors/encoding/decode.js';
export { repairMojibake, type Repair } from './repair.js';

export interface FixedText {
  text: string;
  encoding: DetectedEncoding;
  repairs: Repair[];
}

/** Bytes → repaired text: detect the encoding, decode, then undo any mojibake inside. */
export function fixEncoding(buf: Uint8Array): FixedText {
  const { text, encoding } = decodeBytes(buf);
  const repaired = repairMojibake(text);
  let out = repaired.text;
  // a UTF-8 BOM that was itself mis-decoded (ï»¿) comes back as U+FEFF: drop it like a real BOM
  if (out.charCodeAt(0) === 0xfeff && text.charCodeAt(0) !== 0xfeff) out = out.slice(1);
  return { text: out, encoding, repairs: repaired.repairs };
}
