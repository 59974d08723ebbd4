// Joining the fragments of a wrapped cell. A break after `/xxx` followed by a short lower-case tail
// is a word cut in the middle (`nämnd/styrel` + `se`), and a break right after a slash
// (`nämnd/` + `styrelse`) is no word break either: both join without a space.
export function joinFragments(a: string, b: string): string {
  const left = a.replace(/\s+$/, '');
  const right = b.trim();
  if (!left) return right;
  if (!right) return left;
  if (/\/\p{L}+$/u.test(left) && /^\p{Ll}{1,5}$/u.test(right)) return left + right;
  if (left.endsWith('/')) return left + right;
  // a compound's hyphen after an abbreviation or a number stays, without a space (`LSS-` / `boende`)
  if (/(?:\p{Lu}{2,}|\d)-$/u.test(left) && /^\p{L}/u.test(right)) return left + right;
  return `${left} ${right}`;
}
