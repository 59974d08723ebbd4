// The front-matter words of a vocabulary (`metadata` in data/reference/vocabulary/*.json): plan title
// forms, organisation kinds, Dnr labels. See data/reference/README.md.
import { z } from 'zod';

export const MetadataWords = z.strictObject({
  $comment: z.string().optional(),
});
export type MetadataWords = z.output<typeof MetadataWords>;
