// An export that went through a wrong code page: UTF-8 bytes read as Windows-1252 (`ä` → `Ã¤`).
import iconv from 'iconv-lite';

export function toMojibake(text: string): string {
  return iconv.decode(Buffer.from(text, 'utf8'), 'win1252');
}
