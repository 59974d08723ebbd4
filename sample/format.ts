// Strings shared by every renderer, so a PDF and a text export of one plan print the same labels.
import type { Direction, KfGoal, Plan } from './model.js';

export const directionLabel = (d: Direction): string => `KF:s inriktningsmål: ${d.number}. ${d.title}`;
export const kfGoalLabel = (g: KfGoal): string => `KF:s mål för verksamhetsområdet: ${g.number} ${g.title}`;
export const boardGoalLabel = (title: string): string => `Nämndmål: ${title}`;
export const unitGoalLabel = (title: string): string => `Enhetsmål: ${title}`;

export const districtLine = (p: Plan): string => `${p.district} stadsdelsförvaltning`;
export const planTitle = (p: Plan): string => `Verksamhetsplan ${p.year}`;
export const pageMark = (n: number, of: number): string => `Sid ${n} (${of})`;

export const INDICATOR_HEADER = ['Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet'] as const;
export const ACTIVITY_HEADER = ['Aktivitet', 'Startdatum', 'Slutdatum'] as const;
export const BUDGET_HEADER = ['Beloppen anges i TKr', 'Budget'] as const;

/** `12932` → `12 932`, the thousands separator of the real budget tables. */
export function formatAmount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export interface TocEntry {
  text: string;
  /** Anchor of the heading the entry points at (used by the PDF renderer's page references). */
  id: string;
  level: 0 | 1;
}

/** The table of contents: Inledning, every KF goal label, then the economy headings. */
export function tocEntries(p: Plan): TocEntry[] {
  const out: TocEntry[] = [{ text: 'Inledning', id: 'inledning', level: 0 }];
  p.directions.forEach((d) => {
    out.push({ text: directionLabel(d), id: `dir-${d.number}`, level: 1 });
    d.goals.forEach((g) => out.push({ text: kfGoalLabel(g), id: `kf-${g.number}`, level: 1 }));
  });
  out.push({ text: 'Redovisning av ekonomi', id: 'ekonomi', level: 0 });
  out.push({ text: 'Resursanvändning', id: 'resurser', level: 1 });
  if (p.budget) out.push({ text: `Budget ${p.year}`, id: 'budget', level: 1 });
  return out;
}
