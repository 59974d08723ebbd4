// The sample plans: three units × three years, each joined from its unit spec and the city/board goals.
import { boardGoal, directionTitle, kfGoal, type Year } from './city-goals.js';
import type { Direction, Plan, UnitSpec } from './model.js';
import { bestallareVuxna } from './units/bestallare-vuxna.js';
import { fritidSolberga } from './units/fritid-solberga.js';
import { hemtjanst } from './units/hemtjanst.js';

export type { Plan } from './model.js';

export const DISTRICT = 'Hägersten-Älvsjö';
export const YEARS: Year[] = [2022, 2023, 2024];
export const UNITS: UnitSpec[] = [hemtjanst, fritidSolberga, bestallareVuxna];

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
    unit: spec.unit,
    district: DISTRICT,
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

export const PLANS: Plan[] = UNITS.flatMap((u) => YEARS.map((y) => buildPlan(u, y)));

export function findPlan(key: string, year: number): Plan {
  const p = PLANS.find((x) => x.key === key && x.year === year);
  if (!p) throw new Error(`no sample plan ${key} ${year}`);
  return p;
}
