// Bytes of a text export → string. Valid UTF-8 stays as it is; anything else is read as Windows-1252,
// the encoding of older Swedish office exports.
import iconv from 'iconv-lite';
import type { Message } from '../pipeline/model.js';

export function decodeText(data: Uint8Array): { text: string; warnings: Message[] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return { text: text.replace(/^\uFEFF/, ''), warnings: [] };
  } catch {
    return {
      text: iconv.decode(Buffer.from(data), 'win1252'),
      warnings: [{ stage: 'extract', rule: 'decoded-windows-1252', message: 'file is not UTF-8: decoded as Windows-1252', page: null, line: null }],
    };
  }
}
