// Damaged input never breaks the reader: random deletions, duplications, reflows, encoding damage and
// truncation of sample plan text, and random bytes after a PDF header, either give a document that fits
// the model (every row placed on a page the extraction has and a line, every link to a goal that exists) or a
// PlanError with a registered rule — never another exception, and in bounded time.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../extractors/index.js';
import { PlanDocument } from '../model/document.js';
import { PlanError } from '../model/message.js';
import { RULE_IDS } from '../model/rules.js';
import { createRepairContext, type RepairContext } from '../normalizers/repair/index.js';
import { readPlan } from '../pipeline/run.js';
import { PLANS, renderText, toMojibake } from '../sample/generate.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-fuzz-'));
let ctx: RepairContext;
let n = 0;

beforeAll(async () => {
  ctx = await createRepairContext();
});

/** Reads `bytes` as a file would be read; returns what went wrong, or null when the result fits the model. */
async function misread(bytes: Buffer, ext: string): Promise<string | null> {
  const file = join(dir, `f${n++}${ext}`);
  writeFileSync(file, bytes);
  let doc: PlanDocument;
  let pages: Set<number>;
  try {
    const extraction = await extractFile(file, { ocr: 'never' });
    pages = new Set(extraction.pages.map((p) => p.page));
    doc = readPlan(extraction, ctx);
  } catch (e) {
    if (e instanceof PlanError && (RULE_IDS as string[]).includes(e.rule)) return null;
    return `threw ${(e as Error).stack}`;
  }
  if (!PlanDocument.safeParse(doc).success) return 'not a PlanDocument';
  const goals = new Set(doc.goals.map((g) => g.id));
  for (const r of [...doc.goals, ...doc.indicators, ...doc.activities]) {
    if (!pages.has(r.page) || r.line < 1) return `row outside the source: ${JSON.stringify(r).slice(0, 200)}`;
  }
  for (const g of doc.goals) if (g.parentId && !goals.has(g.parentId)) return `goal ${g.id} has no parent ${g.parentId}`;
  for (const r of [...doc.indicators, ...doc.activities]) if (r.goalId && !goals.has(r.goalId)) return `row under a missing goal ${r.goalId}`;
  return null;
}

const texts = PLANS.slice(0, 3).map((p) => renderText(p));

/** A random edit of a plan's lines. */
const damaged = fc
  .tuple(
    fc.constantFrom(...texts.keys()),
    fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'join', 'split', 'mojibake', 'strip-letters'), fc.nat(), fc.nat({ max: 40 })), {
      maxLength: 12,
    }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([which, edits, cut]) => {
    const lines = texts[which].split('\n');
    for (const [kind, at, len] of edits) {
      const i = at % Math.max(1, lines.length);
      const span = lines.slice(i, i + len + 1);
      if (kind === 'delete') lines.splice(i, len + 1);
      else if (kind === 'duplicate') lines.splice(i, 0, ...span);
      else if (kind === 'join') lines.splice(i, span.length, span.join(' '));
      else if (kind === 'split') lines.splice(i, 1, ...(lines[i] ?? '').split(' '));
      else if (kind === 'mojibake') lines.splice(i, span.length, ...toMojibake(span.join('\n')).split('\n'));
      else lines.splice(i, span.length, ...span.map((l) => l.replace(/[åä]/g, 'a').replace(/ö/g, 'o')));
    }
    let text = lines.join('\n');
    if (cut !== undefined) text = text.slice(0, cut % (text.length + 1));
    return text;
  });

describe('fuzzed input', () => {
  it('damaged plan text is read into the model, or refused with a rule', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async (text) => {
        const t0 = performance.now();
        expect(await misread(Buffer.from(text, 'utf8'), '.txt')).toBeNull();
        expect(performance.now() - t0).toBeLessThan(10_000);
      }),
      { numRuns: 100, seed: 42 },
    );
  }, 120_000);

  it('random bytes after a PDF header are refused with a rule', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4000 }), async (bytes) => {
        expect(await misread(Buffer.concat([Buffer.from('%PDF-1.7\n'), bytes]), '.pdf')).toBeNull();
      }),
      { numRuns: 100, seed: 7 },
    );
  }, 60_000);
});
