// Reads data/reference/*.json from the package root rather than next to this module: tsc does not copy
// JSON into dist/, and JSON import attributes warn on Node 20. The root is the same for the sources
// (data/reference/*.ts) and the build (dist/data/reference/*.js).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const PACKAGE_NAME = 'plans';

function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`reference data: no package.json named "${PACKAGE_NAME}" above ${here}`);
  }
}

/** The JSON at `path`, validated by `schema`; any failure names the file. */
export function readReference<T extends z.ZodType>(path: string, schema: T): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`reference data ${path}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`reference data ${path} is malformed:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A getter for data/reference/`file`, read and validated on the first call. */
export function lazyReference<T extends z.ZodType>(file: string, schema: T): () => z.output<T> {
  let value: z.output<T> | undefined;
  return () => {
    value ??= readReference(join(packageRoot(), 'data', 'reference', file), schema);
    return value;
  };
}
