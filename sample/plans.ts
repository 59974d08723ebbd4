// The sample plans: three units over 2022–2024, one of them also in 2019 (before its district merged), each
// joined from its unit spec and the city/board goals.
import { boardGoal, directionTitle, kfGoal, type Year } from './city-goals.js';
import type { Direction, Plan, UnitSpec } from './model.js';
import { bestallareVuxna } from './units/bestallare-vuxna.js';
import { fritidSolberga } from './units/fritid-solberga.js';
import { hemtjanst } from './units/hemtjanst.js';

export type { Plan } from './model.js';

export const DISTRICT = 'Hägersten-Älvsjö';
export const YEARS: Year[] = [2022, 2023, 2024];
export const UNITS: UnitSpec[] = [hemtjanst, fritidSolberga, bestallareVuxna];

/** The name a unit's plan of `year` prints. */
export function unitNameOf(spec: UnitSpec, year: number): string {
  return spec.renamed && year >= spec.renamed.year ? spec.renamed.unit : spec.unit;
}

/** The analysts' overrides the sample corpus needs: its renamed unit, which no matcher can see. */
export function sampleOverrides(): { $comment: string; units: { aliases: { alias: string; unit: string }[] } } {
  return {
    $comment: 'The sample corpus: Beställarenheten vuxna took a new name in 2024 and stayed the same unit.',
    units: { aliases: UNITS.filter((u) => u.renamed).map((u) => ({ alias: u.renamed!.unit, unit: u.unit })) },
  };
}

export function buildPlan(spec: UnitSpec, year: Year): Plan {
  const directions: Direction[] = [];
  for (const g of spec.goals(year)) {
    const kf = kfGoal(g.kf, year);
    let dir = directions.find((d) => d.number === kf.direction);
    if (!dir) {
      dir = { number: kf.direction, title: directionTitle(kf.direction), goals: [] };
      directions.push(dir);
    }
    const board = boardGoal(g.kf, year);
    dir.goals.push({
      number: kf.number,
      title: kf.title,
      indicators: g.indicators,
      boardGoals: g.board ? [{ ...board, unitGoals: g.unitGoals }] : [],
    });
  }
  directions.sort((a, b) => a.number - b.number);
  for (const d of directions) d.goals.sort((a, b) => a.number.localeCompare(b.number, 'sv', { numeric: true }));
  return {
    key: spec.key,
    unit: unitNameOf(spec, year),
    district: year < 2020 && spec.districtBefore2020 ? spec.districtBefore2020 : DISTRICT,
    year,
    dnr: spec.dnr(year),
    date: spec.date(year),
    author: spec.author,
    intro: spec.intro(year),
    directions,
    resources: spec.resources(year),
    budget: spec.budget?.(year),
  };
}

export const PLANS: Plan[] = UNITS.flatMap((u) => ((u.years ?? YEARS) as Year[]).map((y) => buildPlan(u, y)));

export function findPlan(key: string, year: number): Plan {
  const p = PLANS.find((x) => x.key === key && x.year === year);
  if (!p) throw new Error(`no sample plan ${key} ${year}`);
  return p;
}
