// The reference data files (data/reference/*.json) and their loaders.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DISTRICTS, districtExistsIn } from '../data/reference/districts.js';
import { readReference } from '../data/reference/load.js';
import { confusionIndex } from '../data/reference/ocr-confusions.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-reference-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema = z.strictObject({ rows: z.array(z.number()) });

describe('reference data', () => {
  it('loads the districts with their years', () => {
    expect(DISTRICTS).toHaveLength(15);
    const byName = new Map(DISTRICTS.map((d) => [d.name, d]));
    expect(districtExistsIn(byName.get('Hägersten-Älvsjö')!, 2019)).toBe(false);
    expect(districtExistsIn(byName.get('Älvsjö')!, 2019)).toBe(true);
    expect(districtExistsIn(byName.get('Älvsjö')!, 2020)).toBe(false);
  });

  it('builds the confusion index from the counts', () => {
    const idx = confusionIndex();
    expect(idx.get('é')?.map((c) => c.letter)).toEqual(['ö', 'ä', 'å']);
    expect(idx.get('')?.every((c) => Number.isFinite(c.logP) && c.logP < 0)).toBe(true);
  });

  it('a malformed file fails naming the file', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"rows": [1, "two"]}');
    expect(() => readReference(bad, schema)).toThrow(new RegExp(`${bad}.*malformed[\\s\\S]*rows`));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"rows": [1,');
    expect(() => readReference(broken, schema)).toThrow(broken);
    expect(() => readReference(join(dir, 'missing.json'), schema)).toThrow(join(dir, 'missing.json'));
  });
});
