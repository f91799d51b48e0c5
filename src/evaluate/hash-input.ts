/**
 * The hash of an inspection's input, stamped on its result. Cases are hashed as a multiset (the
 * sum of their digests modulo 2^256), so reordering cases or keys leaves it unchanged while any
 * change of content changes it. A case's digest is the sha256 of its canonical JSON (keys sorted,
 * as canonicalJson writes it); the sum is kept in eight 32-bit parts, which is the same number.
 */
import { hash } from 'node:crypto';
import type { Inspection } from '../model/inspection.js';
import { canonicalJson, sha256 } from '../compile/hash-pack.js';

const PARTS = 8;

export class InputHash {
  /** The sum, most significant part first. */
  private readonly parts = new Float64Array(PARTS);
  private count = 0;
  private readonly header: string;
  private readonly writer = new CanonicalWriter();

  constructor(inspection: Omit<Inspection, 'cases'> & { cases?: unknown }) {
    const { cases: _cases, $schema: _schema, ...rest } = inspection as Inspection & { $schema?: string };
    this.header = sha256(canonicalJson(rest));
  }

  addCase(record: unknown): void {
    this.add(hash('sha256', this.writer.write(record), 'buffer'));
    this.count++;
  }

  /** Adds a 32-byte big-endian number to the sum, modulo 2^256. */
  private add(digest: Buffer): void {
    const parts = this.parts;
    let carry = 0;
    for (let i = PARTS - 1; i >= 0; i--) {
      const s = parts[i]! + digest.readUInt32BE(4 * i) + carry;
      carry = s >= 0x1_0000_0000 ? 1 : 0;
      parts[i] = s - carry * 0x1_0000_0000;
    }
  }

  /** Adds the cases another hash has seen (a worker's share of the same input). */
  merge(sum: bigint, count: number): void {
    this.add(Buffer.from(sum.toString(16).padStart(64, '0'), 'hex'));
    this.count += count;
  }

  get state(): { sum: bigint; count: number } {
    let sum = 0n;
    for (const part of this.parts) sum = (sum << 32n) | BigInt(part);
    return { sum, count: this.count };
  }

  digest(): string {
    return sha256(`${this.header}:${this.count}:${this.state.sum.toString(16)}`);
  }
}

/**
 * canonicalJson, written for case records: the same text, with the quoted form of the keys and
 * short texts that recur in every case (fact names, question ids, levels) kept rather than made again.
 */
class CanonicalWriter {
  private readonly quoted = new Map<string, string>();
  /** Key lists met recently, with their sorted order: records of one shape list their keys alike, so most need no sort. */
  private readonly orders: Array<{ keys: string[]; sorted: string[] }> = [];

  private sortedKeys(value: object): string[] {
    const keys = Object.keys(value);
    for (const order of this.orders) if (sameKeys(order.keys, keys)) return order.sorted;
    const sorted = [...keys].sort();
    this.orders.unshift({ keys, sorted });
    if (this.orders.length > 16) this.orders.pop();
    return sorted;
  }

  private quote(text: string): string {
    let q = this.quoted.get(text);
    if (q === undefined) {
      q = JSON.stringify(text);
      if (text.length <= 64 && this.quoted.size < 100_000) this.quoted.set(text, q);
    }
    return q;
  }

  write(value: unknown): string {
    if (typeof value === 'string') return this.quote(value);
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
    if (Array.isArray(value)) {
      let out = '[';
      for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + this.write(value[i]);
      return `${out}]`;
    }
    const keys = this.sortedKeys(value);
    let out = '{';
    for (let i = 0; i < keys.length; i++) out += `${i > 0 ? ',' : ''}${this.quote(keys[i]!)}:${this.write((value as Record<string, unknown>)[keys[i]!])}`;
    return `${out}}`;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
