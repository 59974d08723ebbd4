// Stockholm's district administrations (stadsdelsförvaltningar). Hägersten-Älvsjö was formed on
// 1 January 2020 from Hägersten-Liljeholmen and Älvsjö.
export interface District {
  name: string;
  from?: number;
  until?: number;
}

export const DISTRICTS: District[] = [
  { name: 'Hägersten-Älvsjö', from: 2020 },
  { name: 'Hägersten-Liljeholmen', until: 2019 },
  { name: 'Älvsjö', until: 2019 },
  { name: 'Skärholmen' },
  { name: 'Bromma' },
  { name: 'Enskede-Årsta-Vantör' },
  { name: 'Farsta' },
  { name: 'Hässelby-Vällingby' },
  { name: 'Kungsholmen' },
  { name: 'Norrmalm' },
  { name: 'Rinkeby-Kista' },
  { name: 'Skarpnäck' },
  { name: 'Spånga-Tensta' },
  { name: 'Södermalm' },
  { name: 'Östermalm' },
];

export function districtExistsIn(d: District, year: number | null): boolean {
  if (year === null) return true;
  return (d.from === undefined || year >= d.from) && (d.until === undefined || year <= d.until);
}
