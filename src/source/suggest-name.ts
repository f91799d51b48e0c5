/** "Did you mean" suggestions and readable lists of candidates. */

/** Names longer than this get no suggestion. */
const LONGEST_SUGGESTED = 256;

/** The candidate nearest to `name` when it is near enough to be a likely typo, else undefined. */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  // No name this long is a typo of a declared one, and the edit distance would take time in proportion to its length.
  if (name.length > LONGEST_SUGGESTED) return undefined;
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (c === wanted) return candidate;
    const distance = editDistance(wanted, c);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(name.length, best.length) / 3));
  const prefix = best.toLowerCase().startsWith(wanted) || wanted.startsWith(best.toLowerCase());
  if (bestDistance <= limit || (prefix && Math.min(wanted.length, best.length) >= 3)) return best;
  return sharedStart(wanted, candidates);
}

/** The one candidate that starts with the same four or more letters as `wanted` (e.g. colourName → colourCode). */
function sharedStart(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestLength = 3;
  let tie = false;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    let n = 0;
    while (n < c.length && n < wanted.length && c[n] === wanted[n]) n++;
    if (n > bestLength) {
      best = candidate;
      bestLength = n;
      tie = false;
    } else if (n === bestLength && best !== undefined) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** `; did you mean 'x'?` or the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const suggestion = suggestName(name, candidates);
  return suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
}

/**
 * Every candidate as near to `name` as the nearest, when that is near enough to be a typo: ids
 * such as case ids are often equally near several (D0042 is one edit from D002 and from D042).
 */
export function nearestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (name.length > LONGEST_SUGGESTED) return [];
  const wanted = name.toLowerCase();
  let nearest: string[] = [];
  let nearestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < nearestDistance) [nearest, nearestDistance] = [[candidate], distance];
    else if (distance === nearestDistance) nearest.push(candidate);
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  return nearestDistance <= limit ? nearest.slice(0, max) : [];
}

/** `; did you mean 'D002', 'D004' or 'D042'?` (every candidate as near as the nearest), or the empty string. */
export function didYouMeanAny(name: string, candidates: Iterable<string>): string {
  const quoted = nearestNames(name, candidates).map((n) => `'${n}'`);
  if (quoted.length === 0) return '';
  return `; did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`}?`;
}

/** The candidates as a comma-separated list, cut short after `max` with a count of the rest. */
export function listNames(candidates: Iterable<string>, max = 12): string {
  const all = [...candidates];
  if (all.length === 0) return '(none)';
  if (all.length <= max) return all.join(', ');
  return `${all.slice(0, max).join(', ')}, … (${all.length - max} more)`;
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
