// The registry of rule ids (model/rules.ts) against SCHEMA.md and against the code that emits them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../model/rules.js';

const root = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((e) => {
    const p = join(dir, e);
    return statSync(join(root, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('rule ids', () => {
  it('SCHEMA.md lists exactly the registry, with the same stage and kind', () => {
    const schema = readFileSync(join(root, 'SCHEMA.md'), 'utf8');
    const listed = [...schema.matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \| (\w+) \|/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(listed).toEqual(Object.entries(RULES).map(([id, r]) => [id, r.stage, r.kind]));
  });

  it('every registered id is emitted somewhere in the code (the type RuleId keeps unregistered ones out)', () => {
    const code = ['extractors', 'normalizers', 'data', 'pipeline']
      .flatMap(sources)
      .map((f) => readFileSync(join(root, f), 'utf8'))
      .join('\n');
    // mojibake rule ids are built from the encoding and the number of passes (`mojibake-${enc}${times}`)
    const dynamic = /^mojibake-(cp1252|latin1)(-twice|-thrice)?$/;
    const unused = Object.keys(RULES).filter((id) => !dynamic.test(id) && !code.includes(`'${id}'`) && !code.includes(`store-' + `));
    const storeCodes = Object.keys(RULES).filter((id) => id.startsWith('store-'));
    expect(unused.filter((id) => !storeCodes.includes(id))).toEqual([]);
    for (const id of storeCodes) expect(code).toContain(`'${id.slice('store-'.length)}'`);
  });
});
