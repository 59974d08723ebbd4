// Stockholm's district administrations, from districts.json (see README.md).
import { z } from 'zod';
import { lazyReference } from './load.js';

const DistrictSchema = z
  .strictObject({ name: z.string().min(1), from: z.int().optional(), until: z.int().optional() })
  .refine((d) => d.from === undefined || d.until === undefined || d.from <= d.until, { message: 'from is after until' });

export type District = z.output<typeof DistrictSchema>;

const districts = lazyReference(
  'districts.json',
  z.strictObject({ $comment: z.string().optional(), municipality: z.string().regex(/^\d{4}$/), districts: z.array(DistrictSchema).min(1) }),
);

export const DISTRICTS: readonly District[] = Object.freeze(districts().districts);

/** The municipality code (4 digits, `0180` Stockholm) of the city these districts belong to. */
export const DISTRICTS_MUNICIPALITY: string = districts().municipality;

export function districtExistsIn(d: District, year: number | null): boolean {
  if (year === null) return true;
  return (d.from === undefined || year >= d.from) && (d.until === undefined || year <= d.until);
}
