import { expect } from 'vitest';
import { PlanError } from '../../model/message.js';

/** The PlanError `p` rejects with; fails the test if it resolves or rejects with anything else. */
export async function planError(p: Promise<unknown>): Promise<PlanError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    return e as PlanError;
  }
  throw new Error('expected a PlanError');
}
