import { base64At, inDottedNumber, matchStart, spanEncoding } from './canary-match.ts';
import { HINT_AMPERSAND, HINT_BACKSLASH, HINT_PERCENT, type PatternTable, ROLE_BASE64, ROLE_CANARY, ROLE_HINT } from './canary-patterns.ts';
import { MIN_BASE64, base64Texts, compressedTexts, htmlDecoded, jsonUnescaped, urlDecoded } from './decoders.ts';
import type { EventContext, FindingCollector, Place } from './findings.ts';
import { isMaskedValue } from './masking.ts';
import { HINT_PASSPORT_KEY, HINT_WORDS, PATTERN_HINTS, type PatternHit, findPatterns } from './patterns/index.ts';
import { mayHoldWords } from './patterns/names.ts';
import { isPassportKey } from './patterns/passport.ts';
import { SegmentedFields } from './segmented.ts';
import type { StreamRegistry, TextStream } from './text-stream.ts';
import { skeleton } from './text-folding.ts';
import type { Encoding, Finding } from './types.ts';
import { type EventWalker, STREAM_NONE, STREAM_VALUE, type Site, type StringVisitor } from './walk.ts';
import { longStringAt, stringWindows } from './long-strings.ts';

/** The shortest string a pattern detector can match (an email "a@b.co"). */
const SHORTEST_PATTERN = 6;
/** Attributes that hold geometry or styling, not anything a person typed or reads. */
const STRUCTURAL_ATTRIBUTES = new Set(['d', 'points', 'viewBox', 'viewbox', 'transform', 'style', '_cssText', 'rr_dataURL', 'srcset', 'sizes', 'integrity', 'nonce', 'x', 'y', 'width', 'height', 'cx', 'cy', 'r', 'rx', 'ry', 'x1', 'x2', 'y1', 'y2']);
/** A custom property declaration in style text: `--name: value` up to its end. */
const CUSTOM_PROPERTY = /--[A-Za-z0-9_-]+\s*:\s*([^;{}]*)/g;
/** Where a run of segmented fields is scanned: a field's value, not style, not an attribute name. */
const FIELD_SITE: Site = { key: 'text', nodeId: undefined, stream: undefined, streamKey: undefined, streamMode: STREAM_NONE, inTree: false, structural: false, isAttribute: false, isKey: false, pieceEnds: undefined };
const ANY_HINT = PATTERN_HINTS | HINT_PERCENT | HINT_BACKSLASH | HINT_AMPERSAND;
/** Strings remembered clean: up to this many, each up to this long (a recording repeats its attribute values and payload fields). */
const CLEAN_CAPACITY = 8192;
const CLEAN_MAX_LENGTH = 256;
/** rrweb's IncrementalSource.Input: an input event's `text` is a field's value as typed so far. */
const INPUT_SOURCE = 5;

/**
 * Where pattern detectors would only find noise: style text, SVG geometry and layout attributes,
 * data: URLs (images). Canaries are searched there all the same.
 */
function structural(value: string, site: Site): boolean {
  return site.structural || (site.isAttribute && STRUCTURAL_ATTRIBUTES.has(site.key as string)) || value.startsWith('data:');
}

/** Neighbouring fields' values, the run last changed (not yet scanned), and the runs already scanned. */
class FieldRuns {
  readonly segments = new SegmentedFields();
  pending: { first: number; joined: string; place: Place; ctx: EventContext } | undefined;
  /** Joined runs already scanned: a run is reported once, not again at each later keystroke. */
  readonly seen = new Set<string>();
  used = false;
}

export interface StringScanOptions {
  patterns: boolean;
  maskedLastChars: number;
  allowed: (value: string) => boolean;
}

/**
 * Everything done to one string: one automaton pass (all canaries in their plain, case, digits and
 * base64 forms, plus hints: the characters that call for decoding and the fragments that wake pattern
 * detectors), decoded views only for strings holding '%', '\\' or '&', pattern detectors only when a
 * hint or enough digits were seen.
 */
export class StringScanner implements StringVisitor {
  ctx: EventContext = { eventIndex: 0, eventType: -1, eventSource: undefined };
  walker!: EventWalker;
  /** Values found across events (in a field's increments, in text appended event after event). */
  readonly crossEvent: Finding[] = [];
  private readonly crossEventSeen = new Set<string>();
  private readonly minLength: number;
  /** Skeletons of canaries found in the current string: the same value is not reported again by a pattern. */
  private readonly matched: string[] = [];
  private found = false;
  private hints = 0;
  private readonly typedRuns = new FieldRuns();
  private treeRuns = new FieldRuns();
  private placeOverride: Place | undefined;
  /**
   * Strings that produced nothing where no text stream was involved, apart for style and layout
   * text (where pattern detectors stay off): the same string elsewhere produces nothing either, as
   * all that is done to it depends on the string alone. Streamed strings are never skipped (their
   * text joins the stream's, and a canary may be split across them).
   */
  private readonly clean = new Set<string>();
  private readonly cleanStructural = new Set<string>();
  /**
   * Names found in a value typed into a field, by node, held until the field's next value says whether
   * typing went on: "Stone Harb" on the way to "Stone Harbor" is no person. Reported when the value
   * changes otherwise (deleted, replaced) or the recording ends.
   */
  private readonly typedNames = new Map<number, { value: string; hits: PatternHit[]; place: Place; ctx: EventContext }>();

  constructor(
    private readonly table: PatternTable,
    private readonly options: StringScanOptions,
    private readonly collector: FindingCollector,
    private readonly streams: StreamRegistry | undefined,
  ) {
    this.minLength = Math.min(table.shortestCanary, options.patterns ? SHORTEST_PATTERN : Infinity);
  }

  visit(value: string, site: Site): boolean {
    const typed = this.ctx.eventSource === INPUT_SOURCE && site.key === 'text' && site.nodeId !== undefined;
    if (typed && this.typedNames.size > 0) this.settleTypedName(site.nodeId!, value);
    const long = longStringAt(value);
    if (long !== undefined) return this.visitLong(long, site);
    if (site.pieceEnds !== undefined) return this.visitJoined(value, site.pieceEnds, site);
    let stream = site.stream;
    if (value.length < this.minLength && stream === undefined && site.streamKey === undefined) return false;
    if (isMaskedValue(value, this.options.maskedLastChars)) {
      // Masked text between two pieces separates them: nothing may match across it.
      if (stream !== undefined && site.streamMode !== STREAM_VALUE) {
        stream.push(value, this.ctx.eventIndex);
        stream.state = 0;
      }
      return false;
    }
    // A passport number's length under a passport key or attribute name: what it produces depends on the key too.
    const keyed = value.length >= 8 && value.length <= 12 && this.options.patterns && typeof site.key === 'string' && !site.isKey && isPassportKey(site.key);
    // Only a string on its own (no stream) is looked up; `stream` is still the site's here.
    const remembered = !keyed && stream === undefined && site.streamKey === undefined && value.length <= CLEAN_MAX_LENGTH;
    const isStructural = structural(value, site);
    const cleanSet = isStructural ? this.cleanStructural : this.clean;
    if (remembered && cleanSet.has(value)) return false;
    if (site.streamKey !== undefined) stream = this.streams!.get(site.streamKey, site.nodeId);
    const automaton = this.table.automaton;
    const start = stream === undefined ? 0 : site.streamMode === STREAM_VALUE ? stream.startForValue(value) : stream.state;
    const end = automaton.scan(value, start);
    let piece = -1;
    if (stream !== undefined) {
      piece = stream.push(value, this.ctx.eventIndex);
      stream.state = end;
    }
    this.found = false;
    this.hints = 0;
    if (this.matched.length > 0) this.matched.length = 0;
    if (automaton.hitCount > 0) this.takeHits(value, site, undefined, stream, piece);
    const digits = automaton.digits;
    const hints = this.hints | (!isStructural && this.options.patterns && mayHoldWords(value) ? HINT_WORDS : 0) | (keyed ? HINT_PASSPORT_KEY : 0);
    const patterns = this.options.patterns && ((hints & ANY_HINT) !== 0 || digits >= 7) && !isStructural;
    if (patterns && ((hints & PATTERN_HINTS) !== 0 || digits >= 7)) {
      const hits = findPatterns(value, hints, digits);
      if (typed && hints & HINT_WORDS) this.holdTypedNames(hits, value, site);
      this.reportPatterns(hits, 'plain', site);
    }
    else if (isStructural && this.options.patterns && ((hints & PATTERN_HINTS) !== 0 || digits >= 7) && value.includes('--')) this.scanCustomProperties(value, hints, digits, site);
    if (hints & HINT_PERCENT) this.scanView(urlDecoded(value), 'url', site, patterns);
    if (hints & HINT_BACKSLASH) this.scanView(jsonUnescaped(value), 'json', site, patterns);
    if (hints & HINT_AMPERSAND) this.scanView(htmlDecoded(value), 'html', site, patterns);
    if (this.options.patterns && !isStructural && value.length >= MIN_BASE64 && (digits > 0 || value.includes('=')) && value.indexOf(' ') < 0) {
      for (const view of base64Texts(value)) this.scanView(view, 'base64', site, true);
    }
    // Compressed blobs are searched for canaries too (their base64 forms cannot be precomputed).
    if (!isStructural && value.length >= 24) {
      for (const view of compressedTexts(value)) this.scanView(view, 'gzip', site, this.options.patterns);
    }
    if (remembered && !this.found) {
      if (cleanSet.size >= CLEAN_CAPACITY) cleanSet.clear();
      cleanSet.add(value);
    }
    return this.found;
  }

  /**
   * An element's text joined from its inline pieces: pattern detectors only (canaries split across
   * pieces are found by the text stream), and only values that cross a piece boundary (the others
   * were found in their own piece).
   */
  private visitJoined(value: string, ends: number[], site: Site): boolean {
    this.found = false;
    if (!this.options.patterns || value.length < SHORTEST_PATTERN || isMaskedValue(value, this.options.maskedLastChars)) return false;
    const { automaton, role, owner } = this.table;
    automaton.scan(value, 0);
    let hints = mayHoldWords(value) ? HINT_WORDS : 0;
    for (let h = 0; h < automaton.hitCount; h++) {
      const pattern = automaton.hitPatterns[h]!;
      if (role[pattern] === ROLE_HINT) hints |= owner[pattern]!;
    }
    if ((hints & PATTERN_HINTS) === 0 && automaton.digits < 7) return false;
    // A planted value split across the pieces is the text stream's canary finding, not a second one here.
    if (this.matched.length > 0) this.matched.length = 0;
    for (const c of this.table.canaries) this.matched.push(c.skeleton);
    const crossing = findPatterns(value, hints, automaton.digits).filter((hit) => {
      let pieceStart = 0;
      for (const end of ends) {
        if (hit.start >= pieceStart && hit.end <= end) return false;
        pieceStart = end;
      }
      return true;
    });
    this.reportPatterns(crossing, 'split', site);
    return this.found;
  }

  /**
   * A string left in the event's bytes (see long-strings.ts), window by window. Each window is a
   * string of its own here, the same path: the collector keeps one finding per value and path, so a
   * value in the overlap of two windows is reported once. Such a string is not joined to the text
   * around it (a value split between it and a neighbouring text node is not matched).
   */
  private visitLong(long: Parameters<typeof stringWindows>[0], site: Site): boolean {
    const { stream, streamKey, streamMode, inTree } = site;
    let found = false;
    for (const window of stringWindows(long)) {
      site.stream = undefined;
      site.streamKey = undefined;
      site.streamMode = STREAM_NONE;
      site.inTree = false;
      if (this.visit(window, site)) found = true;
    }
    Object.assign(site, { stream, streamKey, streamMode, inTree });
    return found;
  }

  /**
   * A value typed into several fields (a card in four inputs of four digits, a code in one-digit
   * boxes): the run of neighbouring fields is scanned as one string, its findings labelled 'split'.
   * A run is scanned once it is settled (the next field elsewhere changes, the event ends for a
   * snapshot's fields, the recording ends for typed ones), never half-typed: "415 555 267" on the
   * way to a phone number is no Canadian SIN. Fields typed event after event and the fields of one
   * serialized tree are kept apart: trees may be scanned on another thread, typed fields never are.
   */
  fieldValue(value: string, site: Site, typed: boolean): void {
    const runs = typed ? this.typedRuns : this.treeRuns;
    const run = runs.segments.update(site.nodeId, value);
    if (runs.pending && run?.first !== runs.pending.first) this.flushRun(runs);
    if (run) runs.pending = { first: run.first, joined: run.joined, place: this.place(site), ctx: this.ctx };
  }

  /** After each event: a tree's fields are settled, and no later event continues them. */
  endEvent(): void {
    if (this.treeRuns.pending) this.flushRun(this.treeRuns);
    if (this.treeRuns.used) this.treeRuns = new FieldRuns();
  }

  /** At the end of the recording: the fields typed into last are settled. */
  finishRuns(): void {
    this.flushRun(this.typedRuns);
    for (const nodeId of [...this.typedNames.keys()]) this.settleTypedName(nodeId, undefined);
  }

  /** Takes the person names out of a typed value's hits, to be reported once the field's next value shows typing stopped there. */
  private holdTypedNames(hits: PatternHit[], value: string, site: Site): void {
    const names = hits.filter((hit) => hit.detector === 'person-name');
    if (names.length === 0) return;
    hits.splice(0, hits.length, ...hits.filter((hit) => hit.detector !== 'person-name'));
    this.typedNames.set(site.nodeId!, { value, hits: names, place: this.place(site), ctx: this.ctx });
    // Not remembered clean: the same string elsewhere must still be scanned.
    this.found = true;
  }

  /** The field's next value (undefined: none comes): a longer value that begins with the held one means typing went on. */
  private settleTypedName(nodeId: number, next: string | undefined): void {
    const held = this.typedNames.get(nodeId);
    if (!held) return;
    this.typedNames.delete(nodeId);
    if (next !== undefined && next.length > held.value.length && next.startsWith(held.value)) return;
    const ctx = this.ctx;
    const found = this.found;
    this.ctx = held.ctx;
    this.placeOverride = held.place;
    if (this.matched.length > 0) this.matched.length = 0;
    this.reportPatterns(held.hits, 'plain', FIELD_SITE);
    this.ctx = ctx;
    this.placeOverride = undefined;
    this.found = found;
  }

  /** Scans a run of fields as of the event and place where it was last changed. */
  private flushRun(runs: FieldRuns): void {
    const run = runs.pending;
    runs.pending = undefined;
    runs.used = true;
    if (!run || runs.seen.has(run.joined) || isMaskedValue(run.joined, this.options.maskedLastChars)) return;
    if (runs.seen.size >= 4096) runs.seen.clear();
    runs.seen.add(run.joined);
    const ctx = this.ctx;
    this.ctx = run.ctx;
    this.placeOverride = run.place;
    if (this.matched.length > 0) this.matched.length = 0;
    this.scanView(run.joined, 'split', FIELD_SITE, this.options.patterns);
    this.ctx = ctx;
    this.placeOverride = undefined;
  }

  /**
   * Style text is geometry to the pattern detectors, except CSS custom properties: an app may put data
   * there (style="--user-email: 'a@b.co'"), so their values are scanned (data: URLs aside).
   */
  private scanCustomProperties(value: string, hints: number, digits: number, site: Site): void {
    CUSTOM_PROPERTY.lastIndex = 0;
    for (let match = CUSTOM_PROPERTY.exec(value); match; match = CUSTOM_PROPERTY.exec(value)) {
      const declared = match[1]!;
      if (declared.includes('data:')) continue;
      this.reportPatterns(findPatterns(declared, hints, digits), 'plain', site);
    }
  }

  /** A decoded view of the string: scanned afresh, its findings labelled with the decoding. */
  private scanView(view: string | undefined, encoding: Encoding, site: Site, patterns: boolean): void {
    if (view === undefined) return;
    const automaton = this.table.automaton;
    automaton.scan(view, 0);
    this.hints = 0;
    if (automaton.hitCount > 0) this.takeHits(view, site, encoding, undefined, -1);
    if (mayHoldWords(view)) this.hints |= HINT_WORDS;
    if (patterns && ((this.hints & PATTERN_HINTS) !== 0 || automaton.digits >= 7)) this.reportPatterns(findPatterns(view, this.hints, automaton.digits), encoding, site);
  }

  /** Verifies the automaton's hits on `text` and records canaries found; gathers pattern hints. */
  private takeHits(text: string, site: Site, view: Encoding | undefined, stream: TextStream | undefined, piece: number): void {
    const { automaton, role, owner, exact, canaries } = this.table;
    const count = automaton.hitCount;
    const patterns = automaton.hitPatterns;
    const ends = automaton.hitEnds;
    for (let h = 0; h < count; h++) {
      const pattern = patterns[h]!;
      const end = ends[h]!;
      const r = role[pattern]!;
      if (r === ROLE_HINT) {
        this.hints |= owner[pattern]!;
        continue;
      }
      const index = owner[pattern]!;
      // A CVV or an expiry is a number CSS is full of (rgb(180, 35, 24), 600 weights): in style text and
      // layout attributes a whole-token canary is chance, not a leak. Longer canaries are still searched.
      if (r === ROLE_CANARY && canaries[index]!.wholeToken && structural(text, site)) continue;
      const start = matchStart(text, end, automaton.patternLengths[pattern]!);
      if (start < 0) {
        if (stream !== undefined && r === ROLE_CANARY) this.splitHit(text, end, -1 - start, index, site, stream, piece);
        continue;
      }
      let encoding: Encoding | undefined;
      if (r === ROLE_BASE64) {
        encoding = base64At(text, start, exact[pattern]!) ? 'base64' : undefined;
      } else {
        const span = text.slice(start, end + 1);
        encoding = spanEncoding(canaries[index]!, span, start > 0 ? text.charCodeAt(start - 1) : -1, end + 1 < text.length ? text.charCodeAt(end + 1) : -1);
        if (encoding !== undefined && this.options.allowed(span)) continue;
        if (encoding !== undefined && canaries[index]!.wholeToken && inDottedNumber(text, start, end)) continue;
      }
      if (encoding === undefined) continue;
      if (view !== undefined && encoding !== 'base64') encoding = view;
      this.recordCanary(index, encoding, this.place(site));
    }
  }

  /** A canary whose match began in an earlier piece of the stream. */
  private splitHit(text: string, end: number, remaining: number, index: number, site: Site, stream: TextStream, piece: number): void {
    const at = stream.locate(piece, remaining);
    if (!at) return;
    const [startPiece, offset] = at;
    const span = stream.textFrom(startPiece, offset, piece) + text.slice(0, end + 1);
    const c = this.table.canaries[index]!;
    const after = end + 1 < text.length ? text.charCodeAt(end + 1) : -1;
    if (spanEncoding(c, span, stream.charBefore(startPiece, offset), after) === undefined || this.options.allowed(span)) return;
    let place: Place | undefined;
    if (site.inTree) {
      const where = this.walker.splitPlace(startPiece);
      if (where) place = { path: this.walker.pathString(where.depth), nodeId: where.nodeId };
    }
    place ??= { path: this.place(site).path, nodeId: stream.nodeId ?? site.nodeId };
    if (stream.eventOf(startPiece) === this.ctx.eventIndex) {
      this.recordCanary(index, 'split', place);
      return;
    }
    const key = `${index}|${stream.key}`;
    if (this.crossEventSeen.has(key)) return;
    this.crossEventSeen.add(key);
    this.crossEvent.push(this.collector.canaryFinding(c, 'split', place, this.ctx));
  }

  private recordCanary(index: number, encoding: Encoding, place: Place): void {
    const c = this.table.canaries[index]!;
    this.collector.addCanary(c, index, encoding, place, this.ctx);
    this.matched.push(c.skeleton);
    this.found = true;
  }

  private reportPatterns(hits: ReturnType<typeof findPatterns>, encoding: Encoding, site: Site): void {
    for (const hit of hits) {
      if (this.options.allowed(hit.value)) continue;
      // A planted value already reported here as a canary is not reported again as unplanted.
      const form = skeleton(hit.value);
      if (this.matched.some((m) => m.includes(form) || form.includes(m))) continue;
      // Part of a planted value (a name half-typed, key by key, on its way to the canary) is planted, not unplanted.
      if (this.table.canaries.some((c) => c.skeleton.includes(form))) continue;
      this.collector.addPattern(hit, encoding, this.place(site), this.ctx);
      this.found = true;
    }
  }

  private place(site: Site): Place {
    if (this.placeOverride) return this.placeOverride;
    // A payload key is not in the path yet: point at it without printing it.
    const path = this.walker.pathString();
    return { path: site.isKey ? `${path}["•••"]` : path, nodeId: site.nodeId };
  }
}
