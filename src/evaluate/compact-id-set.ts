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
  private units = new Uint16Array(1 << 12);
  private used = 1; // offset 0 means an empty slot
  /** Offsets into `units`, by hash slot; EMPTY or DELETED when free. */
  private slots = new Uint32Array(1 << 8);
  /** The hash of the id in each slot: growing re-places ids without reading them again, and most probes that miss compare no characters. */
  private hashes = new Uint32Array(1 << 8);
  private count = 0;
  private occupied = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the id; false when it was already there. */
  add(id: string): boolean {
    const h = hash(id);
    const found = this.find(id, h);
    if (found >= 0) return false;
    const at = -found - 1;
    if (this.slots[at] === EMPTY) this.occupied++;
    this.slots[at] = this.store(id);
    this.hashes[at] = h;
    this.count++;
    if (this.occupied * 2 > this.slots.length) this.grow();
    return true;
  }

  has(id: string): boolean {
    return this.find(id, hash(id)) >= 0;
  }

  /** Removes the id; false when it was not there. Its characters stay in the buffer. */
  delete(id: string): boolean {
    const found = this.find(id, hash(id));
    if (found < 0) return false;
    this.slots[found] = DELETED;
    this.count--;
    return true;
  }

  /**
   * The slot holding the id; or, when it is not there, -1 - the slot where it would go (the first
   * deleted slot passed, else the empty one). A number, not an object: this runs once per case.
   */
  private find(id: string, h: number): number {
    const slots = this.slots;
    const hashes = this.hashes;
    const mask = slots.length - 1;
    let index = h & mask;
    let free = -1;
    for (;;) {
      const offset = slots[index]!;
      if (offset === EMPTY) return -1 - (free >= 0 ? free : index);
      if (offset === DELETED) {
        if (free < 0) free = index;
      } else if (hashes[index] === h && this.equals(offset, id)) return index;
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

  /** Doubles the table and re-places the live ids by their kept hashes (deleted slots are dropped). */
  private grow(): void {
    const old = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Uint32Array(old.length * 2);
    this.hashes = new Uint32Array(old.length * 2);
    this.occupied = 0;
    const mask = this.slots.length - 1;
    for (let i = 0; i < old.length; i++) {
      const offset = old[i]!;
      if (offset === EMPTY || offset === DELETED) continue;
      const h = oldHashes[i]!;
      let index = h & mask;
      while (this.slots[index] !== EMPTY) index = (index + 1) & mask;
      this.slots[index] = offset;
      this.hashes[index] = h;
      this.occupied++;
    }
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
