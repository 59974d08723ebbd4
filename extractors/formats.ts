// The input formats, by file extension: light enough for the CLI to walk folders without loading a reader.
import { extname } from 'node:path';
import type { SourceFormat } from '../model/document.js';

const FORMATS: Record<string, SourceFormat> = {
  '.pdf': 'pdf',
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
};

export function formatOf(path: string): SourceFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}
