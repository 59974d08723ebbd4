// The README's "How it works" table names one folder per stage, and matches the tree.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const section = readme.slice(readme.indexOf('## How it works'), readme.indexOf('\n## ', readme.indexOf('## How it works') + 1));
const named = [...section.matchAll(/^ {4}\w+\s+([a-z-]+\/(?:[a-z-]+\/)?)\s/gm)].map((m) => m[1]);

describe('README', () => {
  it('names folders that exist', () => {
    expect(named.length).toBeGreaterThanOrEqual(8);
    expect(named.filter((d) => !existsSync(new URL(d, root)))).toEqual([]);
  });

  it('names every top-level folder that holds code', () => {
    const code = readdirSync(root).filter(
      (d) =>
        !d.startsWith('.') && !['node_modules', 'dist', 'test', 'sample', 'sample-corpus'].includes(d) && statSync(new URL(d, root)).isDirectory(),
    );
    const top = new Set(named.map((d) => d.split('/')[0]));
    expect(code.filter((d) => !top.has(d))).toEqual([]);
  });
});
