// The identity matcher's words, from identity-words.json (see README.md): function words that carry no
// identity, scope words that change what is measured, and synonyms a rewording swaps freely.
import { z } from 'zod';
import { lazyReference } from './load.js';

const words = lazyReference(
  'identity-words.json',
  z.strictObject({
    $comment: z.string().optional(),
    stopwords: z.array(z.string().min(1)),
    scope: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
    synonyms: z.array(z.array(z.string().min(1)).min(2)),
  }),
);

export interface IdentityWords {
  stopwords: readonly string[];
  /** group name (`negation`, `age`) → its words */
  scope: Readonly<Record<string, readonly string[]>>;
  /** groups of words that mean the same; the first of each group stands for all */
  synonyms: readonly (readonly string[])[];
}

export function identityWords(): IdentityWords {
  return words();
}
