// Structural repair of a damaged PDF with qpdf (Debian package qpdf), as OCRmyPDF repairs its input
// with pikepdf (qpdf's library): qpdf rebuilds the cross-reference table by scanning the file for
// objects and writes the file out anew. It restores structure, never lost content.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** qpdf rewrites a file of the largest size plans accepts in seconds; longer is a hang, not a repair. */
const QPDF_TIMEOUT_MS = 60_000;

export type Repair = { ok: true; data: Uint8Array } | { ok: false; reason: string };

/** The PDF rewritten by qpdf, or why there is none (qpdf missing, or the damage beyond it). */
export async function repairPdf(data: Uint8Array): Promise<Repair> {
  let dir: string | null = null;
  try {
    dir = await mkdtemp(join(tmpdir(), 'plans-qpdf-'));
    return { ok: true, data: await qpdf(dir, data) };
  } catch (e) {
    return { ok: false, reason: failure(e) };
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

async function qpdf(dir: string, data: Uint8Array): Promise<Uint8Array> {
  await writeFile(join(dir, 'in.pdf'), data);
  // --no-warn: a badly damaged file draws a warning per object, and only the error says why it failed
  await run('qpdf', ['--no-warn', '--warning-exit-0', 'in.pdf', 'out.pdf'], { cwd: dir, timeout: QPDF_TIMEOUT_MS });
  return new Uint8Array(await readFile(join(dir, 'out.pdf')));
}

function failure(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { killed?: boolean; stderr?: string };
  if (err.code === 'ENOENT' && err.syscall?.startsWith('spawn')) return 'no repair tried: qpdf is not installed, apt-get install qpdf';
  if (err.killed) return `qpdf repair tried: no result in ${QPDF_TIMEOUT_MS / 1000} s`;
  const last = (err.stderr ?? '').trim().split('\n').pop() || err.message;
  return `qpdf repair tried: ${last.replace(/^qpdf: in\.pdf: /, '')}`;
}
