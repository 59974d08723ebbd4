// The queue's two kinds of job, their data and their results, checked by zod on both sides of Redis.
//
// Why two kinds (the boundary): the rows a document gets depend on the repair model, and the model is
// learnt from the clean documents of the archive *and of the whole batch* (pipeline/run.ts, step 2). No
// worker sees the whole batch, so no worker can build it; the importer can, but only after every file of
// the batch has been extracted and checked. So, as in a local import:
//   `extract` (a worker): read the file from shared storage, check its SHA-256 against the one the importer
//       saw, extract it (text layer, OCR), stage it and ask the read pool whether it is clean — the same
//       functions, in the same order, as step 1 of `importFiles`;
//   the importer: builds the repair model from the store's clean documents and the clean ones of the
//       batch (`CleanDocuments`, content-hash order) and puts its input in Redis once, by fingerprint;
//   `read` (a worker): the extraction read with that model (or, for a clean document, without repair) in
//       the worker's read pool — pipeline/read-worker.ts, as step 3 of `importFiles`;
//   the importer: loads the documents through `PlanStore.loadMany`, in the order of the files, up to 32
//       per transaction: the single writer of the DuckDB file.
// Same input, same model, same functions: the same rows as a local import (test/queue.test.ts).
//
// Payloads (an extraction with every positioned text item, a parsed document, the model's input) are too
// big for a job's return value, which BullMQ also copies into its event stream: they are gzipped JSON in
// their own Redis keys (with a time to live), and a job returns only their key and a few facts.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RedisClient } from 'bullmq';
import { z } from 'zod';
import { PlanError } from '../../model/message.js';
import { RuleIdSchema, Stage } from '../../model/message.js';
import { VocabularySchema } from '../../data/reference/vocabulary.js';

export const EXTRACT = 'extract';
export const READ = 'read';

const Limits = z.object({ maxFileMb: z.number().positive(), maxPages: z.number().int().positive() });

export const ExtractJob = z.object({
  /** absolute path on the storage importer and workers share */
  file: z.string().min(1),
  /** SHA-256 of the bytes the importer saw: the document's identity */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ocr: z.enum(['auto', 'always', 'never']),
  limits: Limits,
  timeoutS: z.number().positive(),
  /** Redis key of the file's bytes, for a small file (≤ SMALL_FILE_BYTES): a worker reads them instead of
   * the shared storage, so workers need no storage of their own for text exports and small PDFs */
  bytes: z.string().nullable().default(null),
});
export type ExtractJob = z.infer<typeof ExtractJob>;

/** Files up to this size travel in Redis with their job (the bytes gzipped); larger ones by path only. */
export const SMALL_FILE_BYTES = 4 * 2 ** 20;

export const ExtractResult = z.object({
  sha256: z.string(),
  /** no OCR page and nothing the base repair model would change: the model learns from it, it is read without repair */
  clean: z.boolean(),
  pages: z.number().int().nonnegative(),
  /** Redis key of the gzipped Extraction */
  payload: z.string(),
});
export type ExtractResult = z.infer<typeof ExtractResult>;

export const ReadJob = z.object({
  file: z.string().min(1),
  sha256: z.string(),
  /** Redis key of the gzipped Extraction (the extract job's payload) */
  extraction: z.string(),
  /** Redis key of the gzipped repair model input and its fingerprint; null: read without repair (a clean document) */
  model: z.object({ key: z.string(), fingerprint: z.string() }).nullable(),
  timeoutS: z.number().positive(),
  /** the analyst's vocabularies (`--vocabulary`), read after the built-in ones */
  vocabularies: z.array(VocabularySchema).default([]),
});
export type ReadJob = z.input<typeof ReadJob>;

export const ReadResult = z.object({
  sha256: z.string(),
  /** Redis key of the gzipped PlanDocument */
  payload: z.string(),
});
export type ReadResult = z.infer<typeof ReadResult>;

/** A PlanError told across Redis: a failed job's reason is this, as JSON behind FAILURE_TAG. */
export const JobFailure = z.object({
  rule: RuleIdSchema,
  reason: z.string(),
  page: z.number().int().nullable(),
  stage: Stage,
});

const FAILURE_TAG = 'plans-failure ';

export function encodeFailure(e: PlanError): string {
  return FAILURE_TAG + JSON.stringify({ rule: e.rule, reason: e.reason, page: e.page, stage: e.stage });
}

/** The PlanError a failed job's reason carries, or null for any other failure (a crash, a stall, Redis). */
export function decodeFailure(failedReason: string, file: string): PlanError | null {
  const at = failedReason.indexOf(FAILURE_TAG);
  if (at < 0) return null;
  try {
    const f = JobFailure.parse(JSON.parse(failedReason.slice(at + FAILURE_TAG.length)));
    return new PlanError(f.rule, f.reason, { file, page: f.page }, f.stage);
  } catch {
    return null;
  }
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Job ids are keyed by content: the file's SHA-256, and a short hash of what else changes the extraction
 * (the path recorded with it, the OCR mode, the limits). Adding a job whose id exists adds nothing, so a
 * rerun of an interrupted import finds the jobs (and results) of the first run instead of redoing them.
 */
export function extractJobId(job: Pick<ExtractJob, 'file' | 'sha256' | 'ocr' | 'limits'>): string {
  const settings = sha(JSON.stringify([resolve(job.file), job.ocr, job.limits.maxFileMb, job.limits.maxPages])).slice(0, 16);
  return `x-${job.sha256}-${settings}`;
}

/** The read of one extraction with one model (or none) and the analyst's vocabularies (if any). */
export function readJobId(extractId: string, modelFingerprint: string | null, vocabularies: unknown[] = []): string {
  const words = vocabularies.length ? `-v${sha(JSON.stringify(vocabularies)).slice(0, 12)}` : '';
  return `r-${extractId.slice(2)}-${modelFingerprint ?? 'raw'}${words}`;
}

/** Redis keys of the payloads: beside BullMQ's keys, named by queue and job. */
export function payloadKey(queue: string, what: string): string {
  return `plans-payload:${queue}:${what}`;
}

/** Payloads live this long in Redis unless the importer deletes them first (it does, once loaded). */
export const PAYLOAD_TTL_S = 7 * 24 * 3600;

/** What a payload is stored as: gzipped JSON, base64 (BullMQ's Redis client speaks strings). */
function packBytes(data: Buffer): string {
  return gzipSync(data).toString('base64');
}

function unpackBytes(data: string | null, what: string): Buffer {
  if (data === null) throw new Error(`${what} is no longer in Redis (expired or deleted); run the import again`);
  return gunzipSync(Buffer.from(data, 'base64'));
}

export function pack(value: unknown): string {
  return packBytes(Buffer.from(JSON.stringify(value), 'utf8'));
}

export function unpack(data: string | null, what: string): unknown {
  return JSON.parse(unpackBytes(data, what).toString('utf8'));
}

/** The payloads of one queue, through the Redis client of one of its BullMQ objects. */
export class Payloads {
  constructor(
    private readonly client: Promise<RedisClient>,
    private readonly queue: string,
  ) {}

  key(what: string): string {
    return payloadKey(this.queue, what);
  }

  private async set(what: string, packed: string): Promise<string> {
    const key = this.key(what);
    await (await this.client).set(key, packed, { EX: PAYLOAD_TTL_S });
    return key;
  }

  async put(what: string, value: unknown): Promise<string> {
    return this.set(what, pack(value));
  }

  async get(key: string): Promise<unknown> {
    return unpack(await (await this.client).get(key), key);
  }

  /** A file's bytes, gzipped and base64 like the other payloads. */
  async putBytes(what: string, data: Buffer): Promise<string> {
    return this.set(what, packBytes(data));
  }

  async getBytes(key: string): Promise<Buffer> {
    return unpackBytes(await (await this.client).get(key), key);
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length) await (await this.client).del(...keys);
  }
}
