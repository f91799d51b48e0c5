/**
 * A set of case ids that stays small and off the garbage-collected heap: the ids' characters in
 * one growing buffer, an open-addressing table of offsets into it. A million ids take about
 * 30 MB instead of the several hundred a Set of strings makes V8 reserve while cases stream by.
 * Membership is exact: a hash only finds the slot, the characters are compared.
 */

const EMPTY = 0;
const DELETED = 0xffffffff;

export class CompactIdSet {
  /** Each id as its UTF-16 length then its code units. */
  private units = new Uint16Array(1 << 16);
  private used = 1; // offset 0 means an empty slot
  /** Offsets into `units`, by hash slot; EMPTY or DELETED when free. */
  private slots = new Uint32Array(1 << 12);
  private count = 0;
  private occupied = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the id; false when it was already there. */
  add(id: string): boolean {
    const slot = this.find(id);
    if (slot.found) return false;
    const offset = this.store(id);
    const at = slot.free ?? slot.index;
    if (this.slots[at] === EMPTY) this.occupied++;
    this.slots[at] = offset;
    this.count++;
    if (this.occupied * 2 > this.slots.length) this.grow();
    return true;
  }

  has(id: string): boolean {
    return this.find(id).found;
  }

  /** Removes the id; false when it was not there. Its characters stay in the buffer. */
  delete(id: string): boolean {
    const slot = this.find(id);
    if (!slot.found) return false;
    this.slots[slot.index] = DELETED;
    this.count--;
    return true;
  }

  /** The slot holding the id, or where it would go (the first deleted slot passed, else the empty one). */
  private find(id: string): { found: boolean; index: number; free?: number } {
    const mask = this.slots.length - 1;
    let index = hash(id) & mask;
    let free: number | undefined;
    for (;;) {
      const offset = this.slots[index]!;
      if (offset === EMPTY) return { found: false, index, ...(free !== undefined ? { free } : {}) };
      if (offset === DELETED) free ??= index;
      else if (this.equals(offset, id)) return { found: true, index };
      index = (index + 1) & mask;
    }
  }

  private equals(offset: number, id: string): boolean {
    const units = this.units;
    if (units[offset] !== id.length) return false;
    for (let i = 0; i < id.length; i++) if (units[offset + 1 + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  /** Appends the id (length first) and returns its offset. Ids longer than 65,535 units never get here: case ids are at most 128 characters. */
  private store(id: string): number {
    const need = this.used + 1 + id.length;
    if (need > this.units.length) {
      let length = this.units.length * 2;
      while (length < need) length *= 2;
      const bigger = new Uint16Array(length);
      bigger.set(this.units.subarray(0, this.used));
      this.units = bigger;
    }
    const offset = this.used;
    this.units[offset] = id.length;
    for (let i = 0; i < id.length; i++) this.units[offset + 1 + i] = id.charCodeAt(i);
    this.used = need;
    return offset;
  }

  /** Doubles the table and re-inserts the live ids (deleted slots are dropped). */
  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.occupied = 0;
    const mask = this.slots.length - 1;
    for (const offset of old) {
      if (offset === EMPTY || offset === DELETED) continue;
      const id = this.idAt(offset);
      let index = hash(id) & mask;
      while (this.slots[index] !== EMPTY) index = (index + 1) & mask;
      this.slots[index] = offset;
      this.occupied++;
    }
  }

  private idAt(offset: number): string {
    const length = this.units[offset]!;
    return String.fromCharCode(...this.units.subarray(offset + 1, offset + 1 + length));
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
