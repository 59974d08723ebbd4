// The README's "How it works" table names one folder per stage, and matches the tree.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
    // the folders the repository holds (not what a run writes: dist/, sample-corpus/, reports)
    const tracked = new Set(
      execFileSync('git', ['ls-files'], { cwd: fileURLToPath(root), encoding: 'utf8' })
        .split('\n')
        .filter((f) => f.includes('/'))
        .map((f) => f.split('/')[0]),
    );
    const code = readdirSync(root).filter(
      (d) => tracked.has(d) && !d.startsWith('.') && !['test', 'sample'].includes(d) && statSync(new URL(d, root)).isDirectory(),
    );
    const top = new Set(named.map((d) => d.split('/')[0]));
    expect(code.filter((d) => !top.has(d))).toEqual([]);
  });
});
