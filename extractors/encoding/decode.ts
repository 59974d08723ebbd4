// Bytes → text with the encoding named: UTF-16 by BOM (or by its zero bytes), strict UTF-8 (BOM
// stripped), otherwise Windows-1252. iconv-lite does the 1252 decoding (Node 20's TextDecoder gets
// 0x80–0x9F wrong outside streaming mode); the five bytes 1252 leaves unassigned become the C1 control
// of the same number (as browsers do) instead of U+FFFD, so a UTF-8 file with a few stray 1252 bytes
// loses nothing and repairMojibake can put its UTF-8 parts back together.
import iconv from 'iconv-lite';
import { CP1252_UNDEFINED } from './cp1252.js';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: DetectedEncoding;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** BOM-less UTF-16 guess: an even number of bytes, NULs on one side of most pairs and none on the other. */
function utf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf.length < 4 || buf.length % 2 !== 0) return null;
  const pairs = Math.min(buf.length / 2, 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (buf[2 * i] === 0) evenZero++;
    if (buf[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero >= pairs * 0.6 && oddZero === 0) return 'utf-16be';
  return null;
}

function decodeUtf16(buf: Uint8Array, le: boolean, skip: number): string {
  const body = Buffer.from(buf.buffer, buf.byteOffset + skip, buf.byteLength - skip);
  return iconv.decode(body, le ? 'utf16le' : 'utf16be', { stripBOM: false });
}

/** Decode a text file's bytes and say which encoding they were in. */
export function decodeBytes(buf: Uint8Array): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: decodeUtf16(buf, true, 2), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: decodeUtf16(buf, false, 2), encoding: 'utf-16be' };
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  if (!bom) {
    const guess = utf16WithoutBom(buf);
    if (guess) return { text: decodeUtf16(buf, guess === 'utf-16le', 0), encoding: guess };
  }
  try {
    const text = strictUtf8.decode(bom ? buf.subarray(3) : buf);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    let text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'win1252');
    if (text.includes('\ufffd')) {
      // 1252 is one UTF-16 unit per byte, so positions line up
      const chars = text.split('');
      for (let i = 0; i < buf.length; i++) if (CP1252_UNDEFINED.has(buf[i])) chars[i] = String.fromCharCode(buf[i]);
      text = chars.join('');
    }
    return { text, encoding: 'windows-1252' };
  }
}
