/**
 * A small Aho-Corasick automaton: finds every occurrence of many patterns in one pass over the text,
 * so scanning for 1,000 canaries costs about the same as scanning for one.
 */
export interface Match {
  pattern: number;
  /** Index of the first character of the match in the text. */
  start: number;
  end: number;
}

export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state (own and via failure links). */
  private readonly out: number[][] = [[]];
  private readonly lengths: number[];
  /** Full transition table for ASCII (failure links folded in): one array read per character. */
  private readonly ascii: Int32Array;

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, index) => {
      if (!pattern) return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let target = this.next[state]!.get(code);
        if (target === undefined) {
          target = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[state]!.set(code, target);
        }
        state = target;
      }
      this.out[state]!.push(index);
    });
    // Breadth-first: failure links point to the longest proper suffix that is also a prefix.
    const queue: number[] = [];
    for (const target of this.next[0]!.values()) queue.push(target);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, target] of this.next[state]!) {
        queue.push(target);
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(code)) f = this.fail[f]!;
        const candidate = this.next[f]!.get(code);
        this.fail[target] = candidate !== undefined && candidate !== target ? candidate : 0;
        const inherited = this.out[this.fail[target]!]!;
        if (inherited.length) this.out[target] = [...this.out[target]!, ...inherited];
      }
    }
    // Breadth-first order guarantees a state's failure target row is filled before its own.
    this.ascii = new Int32Array(this.next.length * 128);
    for (const state of [0, ...queue]) {
      for (let code = 0; code < 128; code++) {
        const target = this.next[state]!.get(code);
        this.ascii[state * 128 + code] = target ?? (state === 0 ? 0 : this.ascii[this.fail[state]! * 128 + code]!);
      }
    }
  }

  get size(): number {
    return this.lengths.length;
  }

  search(text: string): Match[] {
    const matches: Match[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        state = this.ascii[state * 128 + code]!;
      } else {
        let target = this.next[state]!.get(code);
        while (target === undefined && state !== 0) {
          state = this.fail[state]!;
          target = this.next[state]!.get(code);
        }
        state = target ?? 0;
      }
      const found = this.out[state]!;
      for (let k = 0; k < found.length; k++) {
        const pattern = found[k]!;
        matches.push({ pattern, start: i - this.lengths[pattern]! + 1, end: i + 1 });
      }
    }
    return matches;
  }
}
