/**
 * Postings lists in compressed form, shared by the reuse index and quotation families: given
 * (key, owner) entries sorted by key then owner, the runs of one key held by 2 to `cap` owners
 * (`starts[r]..ends[r]` into the entries) and, for each owner, the runs it is in
 * (`runs[offsets[o]..offsets[o+1]]`, in run order).
 */
export interface PostingRuns {
  starts: Int32Array;
  ends: Int32Array;
  /** Per owner: where its run list starts in `runs` (owner count + 1 entries). */
  offsets: Int32Array;
  runs: Int32Array;
}

/**
 * Entry x's key is `keys[x * stride]` and its owner `owners[x * stride]` (a stride of 2 reads
 * entries stored side by side in one buffer).
 * @example postingRuns([5, 5, 7], [0, 1, 1], 2, 10) // one run (key 5: owners 0 and 1)
 */
export function postingRuns(keys: ArrayLike<number>, owners: ArrayLike<number>, ownerCount: number, cap: number, length: number = keys.length, stride = 1): PostingRuns {
  const starts: number[] = [];
  const ends: number[] = [];
  const offsets = new Int32Array(ownerCount + 1);
  for (let x = 0; x < length; ) {
    let y = x + 1;
    while (y < length && keys[y * stride] === keys[x * stride]) y++;
    if (y - x >= 2 && y - x <= cap) {
      starts.push(x);
      ends.push(y);
      for (let z = x; z < y; z++) offsets[owners[z * stride]! + 1]!++;
    }
    x = y;
  }
  for (let o = 1; o <= ownerCount; o++) offsets[o]! += offsets[o - 1]!;
  const fill = offsets.slice(0, ownerCount);
  const runs = new Int32Array(offsets[ownerCount]!);
  for (let r = 0; r < starts.length; r++) for (let z = starts[r]!; z < ends[r]!; z++) runs[fill[owners[z * stride]!]!++] = r;
  return {starts: Int32Array.from(starts), ends: Int32Array.from(ends), offsets, runs};
}
