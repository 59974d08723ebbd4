import { resolve } from 'node:path';

/** The real plans live beside the project, in ../shared/seeds. */
export const SEEDS_DIR = resolve(import.meta.dirname, '../../../shared/seeds');
