/**
 * Word-level differences between two texts (Myers' O(ND) algorithm on word tokens), shared by the
 * quotation families and the claims page, and by the reuse aligner on token-id sequences.
 */

export type DiffOp = "same" | "added" | "removed";

export interface DiffPiece {
  op: DiffOp;
  text: string;
}

/** One step of an edit script over two sequences: `same` consumes a[i] and b[j]. */
export interface EditStep {
  op: DiffOp;
  /** Index into `a` (for `same` and `removed`), else -1. */
  a: number;
  /** Index into `b` (for `same` and `added`), else -1. */
  b: number;
}

/** Default edit budget: past this many inserted + deleted items the middle is reported as replaced. */
export const DEFAULT_MAX_EDITS = 400;

/**
 * Shortest edit script between two sequences of comparable keys (Myers 1986). The common prefix and
 * suffix are stripped first; when more than `maxEdits` insertions plus deletions would be needed,
 * the remaining middle is reported as removed then added (bounded cost on long, unrelated inputs).
 * @example editScript([1, 2, 3], [1, 3]).map((s) => s.op) // ["same", "removed", "same"]
 */
export function editScript<T>(a: ArrayLike<T>, b: ArrayLike<T>, maxEdits = DEFAULT_MAX_EDITS): EditStep[] {
  const n = a.length;
  const m = b.length;
  let pre = 0;
  while (pre < n && pre < m && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] === b[m - 1 - suf]) suf++;
  const steps: EditStep[] = [];
  for (let i = 0; i < pre; i++) steps.push({op: "same", a: i, b: i});
  middle(a, b, pre, n - suf, pre, m - suf, maxEdits, steps);
  for (let k = suf; k > 0; k--) steps.push({op: "same", a: n - k, b: m - k});
  return steps;
}

function middle<T>(a: ArrayLike<T>, b: ArrayLike<T>, a0: number, a1: number, b0: number, b1: number, maxEdits: number, out: EditStep[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 && m === 0) return;
  const replace = () => {
    for (let i = a0; i < a1; i++) out.push({op: "removed", a: i, b: -1});
    for (let j = b0; j < b1; j++) out.push({op: "added", a: -1, b: j});
  };
  if (n === 0 || m === 0) return replace();
  const max = Math.min(n + m, Math.max(0, Math.floor(maxEdits)));
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (found >= 0) break;
  }
  if (found < 0) return replace();
  // Walk back through the saved frontiers.
  const rev: EditStep[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      rev.push({op: "same", a: a0 + x, b: b0 + y});
    }
    if (down) {
      y--;
      rev.push({op: "added", a: -1, b: b0 + y});
    } else {
      x--;
      rev.push({op: "removed", a: a0 + x, b: -1});
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    rev.push({op: "same", a: a0 + x, b: b0 + y});
  }
  for (let i = rev.length - 1; i >= 0; i--) out.push(rev[i]!);
}

/** Comparison key of a printed word: lower case, straight quotes, no surrounding punctuation, initialisms without dots. */
export function wordKey(raw: string): string {
  const w = raw
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  // Initialisms compare without their dots: "U.S." = "US".
  if (/^(?:\p{L}\.)+\p{L}$/u.test(w)) return w.replace(/\./g, "");
  return w || raw;
}

/**
 * Word-level differences from `a` to `b`, as runs of same / removed / added words. Words are compared
 * case- and punctuation-insensitively ("world," = "World"); `same` runs show b's printing.
 * The cost is bounded: past `maxEdits` word edits the differing middle is shown as replaced.
 * @example diffWords("do some great things", "do great things")
 * // [{op: "same", text: "do"}, {op: "removed", text: "some"}, {op: "same", text: "great things"}]
 */
export function diffWords(a: string, b: string, maxEdits = DEFAULT_MAX_EDITS): DiffPiece[] {
  const wa = String(a ?? "").match(/\S+/g) ?? [];
  const wb = String(b ?? "").match(/\S+/g) ?? [];
  const ka = wa.map(wordKey);
  const kb = wb.map(wordKey);
  const pieces: DiffPiece[] = [];
  for (const step of editScript(ka, kb, maxEdits)) {
    const text = step.op === "removed" ? wa[step.a]! : wb[step.b]!;
    const last = pieces[pieces.length - 1];
    if (last && last.op === step.op) last.text += " " + text;
    else pieces.push({op: step.op, text});
  }
  return pieces;
}
