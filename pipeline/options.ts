// Command-line option parsers shared by the CLI's commands (pipeline/cli.ts, pipeline/queue/cli.ts).
import { InvalidArgumentError, Option } from 'commander';

/** A number option that must be a positive integer. */
export function positive(flags: string, description: string, fallback?: number): Option {
  const o = new Option(flags, description).argParser((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
    return n;
  });
  return fallback === undefined ? o : o.default(fallback);
}
