// Advance widths of Roboto Regular (em/1000), enough to size a TOC dot leader so it ends on the
// entry's last line instead of wrapping onto a line of its own.
const WIDTHS: Record<string, number> = {
  a: 544,
  b: 562,
  c: 523,
  d: 564,
  e: 530,
  f: 348,
  g: 562,
  h: 551,
  i: 243,
  j: 239,
  k: 507,
  l: 243,
  m: 877,
  n: 552,
  o: 570,
  p: 562,
  q: 568,
  r: 339,
  s: 516,
  t: 327,
  u: 551,
  v: 484,
  w: 751,
  x: 496,
  y: 473,
  z: 496,
  å: 544,
  ä: 544,
  ö: 570,
  A: 652,
  B: 623,
  C: 651,
  D: 656,
  E: 568,
  F: 553,
  G: 681,
  H: 713,
  I: 272,
  J: 552,
  K: 627,
  L: 539,
  M: 873,
  N: 713,
  O: 688,
  P: 631,
  Q: 688,
  R: 616,
  S: 594,
  T: 597,
  U: 648,
  V: 637,
  W: 887,
  X: 627,
  Y: 601,
  Z: 599,
  Å: 652,
  Ä: 652,
  Ö: 688,
  ' ': 248,
  '.': 264,
  ',': 197,
  ':': 242,
  ';': 211,
  '-': 276,
  '–': 656,
  '/': 413,
  '(': 342,
  ')': 348,
  '%': 732,
};

export function roughWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += WIDTHS[ch] ?? (/\d/.test(ch) ? 562 : 560);
  return (units / 1000) * fontSize;
}

/** Width of the last line when `text` is wrapped greedily at word boundaries into lines of `width`. */
export function lastLineWidth(text: string, width: number, fontSize: number): number {
  let line = 0;
  const space = roughWidth(' ', fontSize);
  for (const word of text.split(' ')) {
    const w = roughWidth(word, fontSize);
    if (line > 0 && line + space + w > width) line = w;
    else line += (line > 0 ? space : 0) + w;
  }
  return line;
}
