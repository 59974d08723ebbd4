// Character error rate: Levenshtein distance over code points of whitespace-normalised NFC text.
export function normaliseWs(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance over code points, O(n·m) time, O(m) memory. */
export function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length < y.length) return levenshtein(b, a);
  let prev = new Uint32Array(y.length + 1);
  let cur = new Uint32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1] + (xi === y[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}

/** Character error rate of `hyp` against `ref`, both whitespace-normalised (NFC). */
export function cer(ref: string, hyp: string): number {
  const r = normaliseWs(ref.normalize('NFC'));
  return levenshtein(r, normaliseWs(hyp.normalize('NFC'))) / Math.max(1, Array.from(r).length);
}
