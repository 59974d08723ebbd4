// The front-matter words of a vocabulary (`metadata` in data/reference/vocabulary/*.json): plan title
// forms, organisation kinds, Dnr labels, how municipalities and districts are named. See
// data/reference/README.md. The metadata reader (normalizers/parse/metadata.ts) merges the words of
// every vocabulary it is given.
import { z } from 'zod';
import { OrganisationKind } from '../../model/document.js';

const Word = z.string().trim().min(1);
/** a form with `{name}` where a municipality's or district's name stands (`{name}s stad`) */
const NameForm = Word.refine((s) => s.includes('{name}'), { message: 'a form must contain {name}' });

const OrganisationWords = z.strictObject({
  $comment: z.string().optional(),
  kind: OrganisationKind,
  /**
   * words an organisation of this kind is named with, alone or as the end of a compound
   * (`förvaltningen` in `Socialförvaltningen`); a word of one or two letters (`AB`) only as a word of its own
   */
  words: z.array(Word).min(1),
});

export const MetadataWords = z.strictObject({
  $comment: z.string().optional(),
  /**
   * what a plan's title calls the document, followed by a year or a period (`Verksamhetsplan 2022`,
   * `Mål och budget 2021–2023`), then optionally `för` and the organisation's name
   */
  titles: z.array(Word).default([]),
  /** organisation kinds and the words their names carry; longer words are tried first (`stadsdelsförvaltning` before `förvaltning`) */
  organisations: z.array(OrganisationWords).default([]),
  /** labels a Dnr (diarienummer) follows at the start of a line, with or without `:` (`Dnr`, `Diarienummer`) */
  dnrLabels: z.array(Word).default([]),
  /** how a plan names a municipality (`{name} kommun`, `{name}s stad`); a genitive `s` after the form is allowed */
  municipalityForms: z.array(NameForm).default([]),
  /** words before a name that make it no municipality (`Region` in `Region Stockholm`) */
  notMunicipality: z.array(Word).default([]),
  /** how a plan names its own district administration (`{name} stadsdelsförvaltning`, `stadsdelsnämnden i {name}`) */
  districtForms: z.array(NameForm).default([]),
  /** lines where the front page is over (`Innehållsförteckning`, `Inledning`): organisation names are looked for above them */
  frontEnds: z.array(Word).default([]),
  /**
   * labels of someone else on a front page: the recipient (`Till`), the official who wrote it (`Handläggare`);
   * an organisation named on the two lines after them (or after `Till` on its line) is not the plan's own
   */
  recipientLabels: z.array(Word).default([]),
});
export type MetadataWords = z.output<typeof MetadataWords>;
