// Folding for matching only, never for output: lower case, no diacritics, spaces collapsed.

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function slug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function collapseSpaces(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, ' ').trim();
}
