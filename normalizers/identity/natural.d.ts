// Types for the two deep modules of `natural` this folder uses. The package root ('natural') is never
// imported: it loads .env and pulls in database clients.
declare module 'natural/lib/natural/stemmers/porter_stemmer_sv.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  /** Jaro-Winkler similarity in [0, 1] (1 = identical), despite the name */
  export default function jaroWinkler(a: string, b: string, options?: { ignoreCase?: boolean }): number;
}
