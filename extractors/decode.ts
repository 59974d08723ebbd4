// Bytes of a text export → string: UTF-8 (with or without BOM) and UTF-16 stay as they are; anything
// else is read as Windows-1252, the encoding of older Swedish office exports. Mojibake inside the text
// is the repair stage's business, not this one's.
import { decodeBytes } from './encoding/decode.js';
import type { Message } from '../model/document.js';

export function decodeText(data: Uint8Array): { text: string; warnings: Message[] } {
  const { text, encoding } = decodeBytes(data);
  const warnings: Message[] =
    encoding === 'windows-1252'
      ? [{ stage: 'extract', rule: 'decoded-windows-1252', message: 'file is not UTF-8: decoded as Windows-1252', page: null, line: null }]
      : [];
  return { text, warnings };
}
