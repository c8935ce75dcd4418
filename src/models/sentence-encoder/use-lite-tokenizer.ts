// The SentencePiece tokenizer of the Universal Sentence Encoder lite, written to give the very ids
// of the tokenizer in @energetic-ai/embeddings (itself the tfjs-models one) without loading that
// package's TF.js bundle. A text is NFKC-normalised and its spaces become "▁" word marks; the
// highest-scoring split into vocabulary pieces is then found by Viterbi over a trie of the pieces,
// with a character no piece starts with read as the unknown id, and a run of unknowns kept once.
//
// The reference has quirks that change ids, and they are kept on purpose (see `relax` and
// `backtrack`): a position still at score 0 counts as unset, ties go to the shorter last piece, and
// the best path is walked back by each piece's length in UTF-16 units.

/** Ids 0 to 5 are the unknown piece and reserved markers, which text never splits into. */
const RESERVED_IDS = 6;
const UNKNOWN_ID = 0;
const SPACE = 0x20;
/** U+2581, the mark SentencePiece puts before each word. */
const WORD_MARK = 0x2581;

/** A piece of the vocabulary, given as its text and its log-probability (null reads as 0). */
export type VocabularyEntry = readonly [piece: string, score: number | null];

/** Splits a text into the model's token ids. */
export type UseLiteTokenize = (text: string) => number[];

/** One node of the trie of pieces, keyed by code point; `id` is -1 where no piece ends. */
interface TrieNode {
  readonly next: Map<number, TrieNode>;
  id: number;
  score: number;
}

/**
 * Builds a tokenizer over a USE-lite vocabulary (as in the model's vocab.json). For every text it
 * returns the same ids as `new EmbeddingsModel({ vocabulary }).tokenizer.encode` of
 * @energetic-ai/embeddings, including its handling of unknown characters.
 */
export function createUseLiteTokenizer(vocabulary: readonly VocabularyEntry[]): UseLiteTokenize {
  const root = buildTrie(vocabulary);
  // At least 1 so that walking back always ends (the reference would loop on an empty piece 0).
  const backSteps = Int32Array.from(vocabulary, ([piece]) => Math.max(1, piece.length));
  return (text) => {
    const symbols = toSymbols(text);
    return collapseUnknownRuns(backtrack(bestLastPieces(symbols, root), backSteps));
  };
}

function newNode(): TrieNode {
  return { next: new Map(), id: -1, score: 0 };
}

/** A trie of every piece but the reserved ones; a repeated piece keeps its last id and score. */
function buildTrie(vocabulary: readonly VocabularyEntry[]): TrieNode {
  const root = newNode();
  for (let id = RESERVED_IDS; id < vocabulary.length; id++) {
    const entry = vocabulary[id];
    if (entry === undefined || entry[0].length === 0) continue;
    let node = root;
    for (const symbol of codePoints(entry[0])) {
      let child = node.next.get(symbol);
      if (child === undefined) {
        child = newNode();
        node.next.set(symbol, child);
      }
      node = child;
    }
    node.id = id;
    node.score = entry[1] ?? 0;
  }
  return root;
}

/** The code points of a text; a lone surrogate counts as one. */
function codePoints(text: string): number[] {
  const points: number[] = [];
  for (let index = 0; index < text.length; ) {
    const point = text.codePointAt(index) ?? 0;
    points.push(point);
    index += point > 0xffff ? 2 : 1;
  }
  return points;
}

/** The text as the model reads it: NFKC, a word mark first, and every space a word mark. */
function toSymbols(text: string): number[] {
  const symbols = codePoints(text.normalize('NFKC'));
  if (symbols.length === 0) return symbols;
  for (let index = 0; index < symbols.length; index++) {
    if (symbols[index] === SPACE) symbols[index] = WORD_MARK;
  }
  symbols.unshift(WORD_MARK);
  return symbols;
}

/** The best score of a split of the first `end` symbols, and the id of that split's last piece. */
interface Lattice {
  readonly best: Float64Array;
  readonly lastPiece: Int32Array;
}

/**
 * Viterbi, forwards: from each start, in order, every piece matching there offers its end a path.
 * A start no piece matches at all offers the next position the unknown id at score 0.
 */
function bestLastPieces(symbols: readonly number[], root: TrieNode): Lattice {
  const count = symbols.length;
  const lattice: Lattice = {
    best: new Float64Array(count + 1),
    lastPiece: new Int32Array(count + 1),
  };
  for (let start = 0; start < count; start++) {
    const base = lattice.best[start] ?? 0;
    let matched = false;
    let node = root.next.get(symbols[start] ?? 0);
    for (let end = start + 1; node !== undefined; end++) {
      if (node.id >= 0) {
        relax(lattice, end, node.score + base, node.id);
        matched = true;
      }
      node = end < count ? node.next.get(symbols[end] ?? 0) : undefined;
    }
    if (!matched) relax(lattice, start + 1, base, UNKNOWN_ID);
  }
  return lattice;
}

/**
 * Takes a path into `end` if it scores at least as well as the one there, or if that one's score is
 * 0: the reference uses 0 for "no path yet", so a path that scores exactly 0 (an unknown first
 * character, a piece scored 0) is replaced by whatever comes next, even a worse one.
 */
function relax(lattice: Lattice, end: number, score: number, id: number): void {
  const current = lattice.best[end] ?? 0;
  if (current === 0 || score >= current) {
    lattice.best[end] = score;
    lattice.lastPiece[end] = id;
  }
}

/**
 * The ids of the best split, last first, walking back from the end by each piece's length in
 * UTF-16 units (the reference's step; for a vocabulary of BMP pieces it is the piece's symbol
 * count). A position no path reached reads as the unknown id.
 */
function backtrack({ lastPiece }: Lattice, backSteps: Int32Array): number[] {
  const ids: number[] = [];
  for (let end = lastPiece.length - 1; end > 0; ) {
    const id = lastPiece[end] ?? UNKNOWN_ID;
    ids.push(id);
    end -= backSteps[id] ?? 1;
  }
  return ids;
}

/** Reverses ids given last first into reading order, keeping one unknown id per run of them. */
function collapseUnknownRuns(idsLastFirst: readonly number[]): number[] {
  const ids: number[] = [];
  for (let index = idsLastFirst.length - 1; index >= 0; index--) {
    const id = idsLastFirst[index] ?? UNKNOWN_ID;
    if (id === UNKNOWN_ID && ids.length > 0 && ids[ids.length - 1] === UNKNOWN_ID) continue;
    ids.push(id);
  }
  return ids;
}
