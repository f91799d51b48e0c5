/**
 * The hash of an inspection's input, stamped on its result. Cases are hashed as a multiset (the
 * sum of their digests modulo 2^256), so reordering cases or keys leaves it unchanged while any
 * change of content changes it.
 */
import { createHash } from 'node:crypto';
import type { Inspection } from '../model/inspection.js';
import { canonicalJson, sha256 } from '../compile/hash-pack.js';

const MODULUS = 1n << 256n;

export class InputHash {
  private sum = 0n;
  private count = 0;
  private readonly header: string;

  constructor(inspection: Omit<Inspection, 'cases'> & { cases?: unknown }) {
    const { cases: _cases, $schema: _schema, ...rest } = inspection as Inspection & { $schema?: string };
    this.header = sha256(canonicalJson(rest));
  }

  addCase(record: unknown): void {
    const digest = createHash('sha256').update(canonicalJson(record)).digest('hex');
    this.sum = (this.sum + BigInt(`0x${digest}`)) % MODULUS;
    this.count++;
  }

  /** Adds the cases another hash has seen (a worker's share of the same input). */
  merge(sum: bigint, count: number): void {
    this.sum = (this.sum + sum) % MODULUS;
    this.count += count;
  }

  get state(): { sum: bigint; count: number } {
    return { sum: this.sum, count: this.count };
  }

  digest(): string {
    return sha256(`${this.header}:${this.count}:${this.sum.toString(16)}`);
  }
}
