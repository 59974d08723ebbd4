// Sweden's 290 municipalities with their SCB codes, from municipalities.json (see README.md), and which of
// them have district administrations (districts.json).
import { z } from 'zod';
import { DISTRICTS_MUNICIPALITY } from './districts.js';
import { lazyReference } from './load.js';

const MunicipalitySchema = z.strictObject({
  /** SCB's kommunkod: 4 digits, the leading zero kept (`0180` Stockholm) */
  code: z.string().regex(/^\d{4}$/),
  /** the short name (`Göteborg`, `Upplands Väsby`); plans print it as `Göteborgs Stad`, `Upplands Väsby kommun` */
  name: z.string().trim().min(1),
  /** the county (län) code: the code's first two digits */
  county: z.string().regex(/^\d{2}$/),
  /** names the municipality goes by besides `X kommun` / `X stad` (`Region Gotland`) */
  aliases: z.array(z.string().trim().min(1)).default([]),
});

export type Municipality = z.output<typeof MunicipalitySchema>;

const MunicipalitiesSchema = z
  .strictObject({ $comment: z.string().optional(), municipalities: z.array(MunicipalitySchema).min(1) })
  .refine((f) => new Set(f.municipalities.map((m) => m.code)).size === f.municipalities.length, { message: 'a municipality code is listed twice' })
  .refine((f) => f.municipalities.every((m) => m.code.startsWith(m.county)), { message: 'a code does not begin with its county code' });

const load = lazyReference('municipalities.json', MunicipalitiesSchema);

/** Every municipality, in code order as listed. */
export function municipalities(): readonly Municipality[] {
  return load().municipalities;
}

let byCode: Map<string, Municipality> | null = null;

/** The municipality with this code (`0180`), or undefined. */
export function municipalityByCode(code: string): Municipality | undefined {
  byCode ??= new Map(municipalities().map((m) => [m.code, m]));
  return byCode.get(code);
}

/** Whether the municipality has district administrations whose names districts.json lists (Stockholm). */
export function hasDistricts(code: string | null): boolean {
  return code !== null && code === DISTRICTS_MUNICIPALITY;
}
