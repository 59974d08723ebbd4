// Numbers and words as the report shows them (Swedish: 3,5; 1 234).

const NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** 2017, 2018, 2019, 2021 → "2017–2019, 2021" */
export function formatYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(', ');
}

const METHOD_NAMES: Record<string, string> = { 'text-layer': 'textlager', 'text-file': 'textfil', ocr: 'OCR' };

/** A page method (`text-layer`, `text-file`, `ocr`) in words. */
export function methodName(method: string): string {
  return METHOD_NAMES[method] ?? method;
}

const LEVEL_NAMES: Record<string, string> = {
  kf_inriktningsmal: 'KF:s inriktningsmål',
  kf_verksamhetsmal: 'KF:s mål',
  namndmal: 'nämndmål',
  enhetsmal: 'enhetsmål',
};

/** A goal level in words. */
export function levelName(level: string): string {
  return LEVEL_NAMES[level] ?? level;
}
