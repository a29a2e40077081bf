import { folds, separators } from './text-folding.ts';

/**
 * An Aho-Corasick automaton that finds every pattern in one pass over a string, whatever the number of
 * patterns: 1,000 canaries in all their variants cost one table read per character. npm's packages
 * return arrays of matched strings per call; this one is built for the scanner's hot loop instead:
 *  - it folds case and skips separators while it reads (patterns are given as skeletons), so the exact,
 *    case-folded and digits-only forms of a value are all one pattern;
 *  - the transition table is a flat Int32Array over a compact alphabet (only characters some pattern
 *    uses get a column), with each row's first cell saying whether any pattern ends in that state;
 *  - the state is a number the caller may keep and resume from, so text arriving in pieces (sibling
 *    text nodes, characters typed event by event) is matched as if it were one string;
 *  - matches land in reusable typed arrays: scanning allocates nothing.
 */

/** Class of a separator: not fed to the automaton. */
const SKIP = 0xffff;
/** Column 0 of a row is its output cell; column 1 is every character no pattern uses. */
const OTHER = 1;

/** A built automaton's tables: what another thread needs to scan with the same automaton. */
export interface AutomatonParts {
  table: Int32Array;
  classes: Uint16Array;
  nextOutput: Int32Array;
  patternLengths: Int32Array;
  stateCount: number;
}

export class Automaton {
  /** Row of state s starts at index s (states are stored pre-multiplied by the stride). */
  private readonly table: Int32Array;
  /** code unit → (column << 1) | isDigit, or SKIP. */
  private readonly classes: Uint16Array;
  /** pattern → next pattern ending in the same state (own, then inherited by failure links), or -1. */
  private readonly nextOutput: Int32Array;
  readonly patternLengths: Int32Array;
  readonly stateCount: number;

  /** Matches of the last scan: pattern index and index of its last character in the text. */
  hitPatterns: Int32Array<ArrayBuffer> = new Int32Array(64);
  hitEnds: Int32Array<ArrayBuffer> = new Int32Array(64);
  hitCount = 0;
  /** Digits read by the last scan (separators excluded), so callers can skip number detectors cheaply. */
  digits = 0;

  /**
   * @param patterns skeletons (lower case, no separators); empty ones never match. Or the parts of
   * an automaton built elsewhere (another thread's), taken as they are.
   */
  constructor(patterns: readonly string[] | AutomatonParts) {
    if (!Array.isArray(patterns)) {
      const parts = patterns as AutomatonParts;
      this.table = parts.table;
      this.classes = parts.classes;
      this.nextOutput = parts.nextOutput;
      this.patternLengths = parts.patternLengths;
      this.stateCount = parts.stateCount;
      return;
    }
    const fold = folds();
    const sep = separators();
    // A column per distinct folded character used by some pattern.
    const columnOf = new Map<number, number>();
    for (const pattern of patterns) {
      for (let i = 0; i < pattern.length; i++) {
        const code = fold[pattern.charCodeAt(i)]!;
        if (!columnOf.has(code)) columnOf.set(code, columnOf.size + 2);
      }
    }
    const stride = columnOf.size + 2;
    if (stride > 0x7fff) throw new RangeError('too many distinct characters in canaries');
    const columnByCode = new Uint16Array(65536).fill(OTHER);
    for (const [code, column] of columnOf) columnByCode[code] = column;
    this.classes = new Uint16Array(65536);
    for (let code = 0; code < 65536; code++) {
      this.classes[code] = sep[code] ? SKIP : (columnByCode[fold[code]!]! << 1) | (code >= 48 && code <= 57 ? 1 : 0);
    }

    // The trie, in a table sized for the worst case (no shared prefixes); -1 marks a missing edge.
    let maxStates = 1;
    for (const pattern of patterns) maxStates += pattern.length;
    const trie = new Int32Array(maxStates * stride).fill(-1);
    const ownFirst = new Int32Array(maxStates).fill(-1);
    this.nextOutput = new Int32Array(patterns.length).fill(-1);
    this.patternLengths = new Int32Array(patterns.length);
    let states = 1;
    patterns.forEach((pattern, index) => {
      this.patternLengths[index] = pattern.length;
      if (!pattern) return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const cell = state * stride + columnByCode[fold[pattern.charCodeAt(i)]!]!;
        if (trie[cell]! < 0) trie[cell] = states++;
        state = trie[cell]!;
      }
      this.nextOutput[index] = ownFirst[state]!;
      ownFirst[state] = index;
    });

    // States renumbered breadth first (children in column order), so that the shallow states text
    // keeps returning to share a few cache lines: `order` lists trie states by their new number.
    const order = new Int32Array(states);
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const row = order[head]! * stride;
      for (let column = 1; column < stride; column++) {
        const child = trie[row + column]!;
        if (child >= 0) order[tail++] = child;
      }
    }
    const renumbered = new Int32Array(states);
    for (let i = 1; i < states; i++) renumbered[order[i]!] = i;

    // The final table, row by row in that order: a state's row is its failure state's row (complete,
    // being shallower) with its own edges written over, the failure links of its children read from
    // it. Cells hold the target row's offset; a row's first cell is 1 + the first pattern ending there.
    const table = new Int32Array(states * stride);
    const fail = new Int32Array(states); // by new number
    const outFirst = new Int32Array(states).fill(-1); // by new number
    outFirst[0] = ownFirst[0]!;
    table[0] = outFirst[0]! + 1;
    for (let s = 0; s < states; s++) {
      const to = s * stride;
      const from = order[s]! * stride;
      const failTo = fail[s]! * stride;
      if (s > 0) {
        table.copyWithin(to + 1, failTo + 1, failTo + stride);
        // Own patterns first, then those of the failure state (already chained: it is shallower).
        const inherited = outFirst[fail[s]!]!;
        let own = ownFirst[order[s]!]!;
        if (own < 0) {
          outFirst[s] = inherited;
        } else {
          outFirst[s] = own;
          while (this.nextOutput[own]! >= 0) own = this.nextOutput[own]!;
          this.nextOutput[own] = inherited;
        }
        table[to] = outFirst[s]! + 1;
      }
      for (let column = 1; column < stride; column++) {
        const child = trie[from + column]!;
        if (child < 0) continue;
        const c = renumbered[child]!;
        // A child's failure state: where the failure state of its parent goes on the same character.
        fail[c] = s === 0 ? 0 : table[failTo + column]! / stride;
        table[to + column] = c * stride;
      }
    }
    this.stateCount = states;
    this.table = table;
  }

  /** The tables, for a thread that scans with this automaton (structured-cloned to it). */
  parts(): AutomatonParts {
    return { table: this.table, classes: this.classes, nextOutput: this.nextOutput, patternLengths: this.patternLengths, stateCount: this.stateCount };
  }

  /**
   * Feeds `text` from `state` (0 to start afresh, or a state returned earlier to continue a stream).
   * Leaves the matches in hitPatterns/hitEnds/hitCount and returns the state to resume from.
   */
  scan(text: string, state: number): number {
    const table = this.table;
    const classes = this.classes;
    const nextOutput = this.nextOutput;
    let hitPatterns = this.hitPatterns;
    let hitEnds = this.hitEnds;
    let count = 0;
    let digits = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const cls = classes[text.charCodeAt(i)]!;
      if (cls === SKIP) continue;
      digits += cls & 1;
      state = table[state + (cls >>> 1)]!;
      const out = table[state]!;
      if (out !== 0) {
        for (let pattern = out - 1; pattern !== -1; pattern = nextOutput[pattern]!) {
          if (count === hitPatterns.length) {
            hitPatterns = grow(hitPatterns);
            hitEnds = grow(hitEnds);
            this.hitPatterns = hitPatterns;
            this.hitEnds = hitEnds;
          }
          hitPatterns[count] = pattern;
          hitEnds[count] = i;
          count++;
        }
      }
    }
    this.hitCount = count;
    this.digits = digits;
    return state;
  }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
