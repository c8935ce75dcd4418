// The typeface of image cards, DejaVu Sans from the dejavu-fonts-ttf package, and its text
// measurements. resvg is handed exactly these files, so what is measured here is what it draws.
// It measures; it does not shape (no ligatures or contextual forms; see `measure`).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype, { type OpentypeFont, type OpentypeKerningLookups } from 'opentype.js';

/** The weight of a run of card text. */
export type CardFontWeight = 'bold' | 'normal';

/** How much room a string takes on one line; every length is in em (multiply by font size). */
export interface TextExtent {
  /** Pen advance from start to end, an upper bound of resvg's (see `CardFont.measure`). */
  advance: number;
  /** Leftmost ink, from the pen's start; negative when a glyph overhangs left. 0 for no ink. */
  inkLeft: number;
  /** Rightmost ink, from the pen's start. 0 for no ink. */
  inkRight: number;
  /** Lowest ink below the baseline, positive downwards. 0 for no ink. */
  inkDescent: number;
}

/** The card typeface: the files resvg loads and the metrics of those same files. */
export interface CardFont {
  /** Family name to use in SVG `font-family` and resvg's `defaultFontFamily`. */
  family: string;
  /** Absolute paths of the TTF files, for resvg's `fontFiles` (with `loadSystemFonts: false`). */
  files: readonly string[];
  /** The bold face's ascender (hhea), in em: room above a baseline for accented capitals. */
  ascent: number;
  /**
   * The extent of `text` on one line in `weight`. Each character is measured in the first face
   * that has it, in resvg's fallback order (the requested weight, then the other); characters no
   * face has (most emoji) count as the .notdef box resvg draws for them. Only positive GPOS
   * kerning is added, so the result is never narrower than resvg's kerned line.
   */
  measure(text: string, weight: CardFontWeight): TextExtent;
  /**
   * `text` as resvg can draw it: each grapheme cluster holding a character no face has (skin
   * tones, ZWJ families, flags) keeps only its first character, one .notdef box, or its drawable
   * characters when the first is drawable. resvg advances such a cluster by one box while drawing
   * a box per character, so the rest of the line would overprint them.
   */
  drawable(text: string): string;
}

const FAMILY = 'DejaVu Sans';
const FILES: Record<CardFontWeight, string> = {
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  normal: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
};

interface GlyphMetrics {
  advance: number;
  /** Outline bounds in font units, or undefined for a glyph without ink. */
  ink: { xMin: number; xMax: number; yMin: number } | undefined;
}

interface Face {
  font: OpentypeFont;
  glyphs: Map<number, GlyphMetrics>;
  kerning: OpentypeKerningLookups[];
  kerningPairs: Map<number, number>;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
let loaded: CardFont | undefined;

/** The card typeface, loaded and parsed once per process. */
export function cardFont(): CardFont {
  loaded ??= loadCardFont();
  return loaded;
}

function loadCardFont(): CardFont {
  const require = createRequire(import.meta.url);
  const bold = require.resolve(FILES.bold);
  const normal = require.resolve(FILES.normal);
  const faces: Record<CardFontWeight, Face> = { bold: loadFace(bold), normal: loadFace(normal) };
  const unitsPerEm = faces.bold.font.unitsPerEm;
  return {
    family: FAMILY,
    // resvg searches fallbacks in load order, which `measure` mirrors: keep bold first.
    files: [bold, normal],
    ascent: faces.bold.font.tables.hhea.ascender / unitsPerEm,
    measure(text, weight) {
      const fallback = weight === 'bold' ? faces.normal : faces.bold;
      return measureText(text, faces[weight], fallback);
    },
    drawable(text) {
      const has = (char: string) =>
        faces.bold.font.charToGlyphIndex(char) !== 0 ||
        faces.normal.font.charToGlyphIndex(char) !== 0;
      let result = '';
      for (const { segment } of graphemes.segment(text)) {
        const chars = [...segment];
        if (chars.every(has)) result += segment;
        else if (has(chars[0] ?? '')) result += chars.filter(has).join('');
        else result += chars[0] ?? '';
      }
      return result;
    },
  };
}

function loadFace(path: string): Face {
  const font = opentype.parse(readFileSync(path));
  const scripts = font.tables.gpos?.scripts.map((script) => script.tag) ?? [];
  const kerning = scripts
    .map((script) => font.position.getKerningTables(script))
    .filter((lookups): lookups is OpentypeKerningLookups => lookups !== undefined);
  return { font, glyphs: new Map(), kerning, kerningPairs: new Map() };
}

function measureText(text: string, primary: Face, fallback: Face): TextExtent {
  let pen = 0;
  let inkLeft = Number.POSITIVE_INFINITY;
  let inkRight = Number.NEGATIVE_INFINITY;
  let inkDescent = 0;
  let previous: { face: Face; glyph: number } | undefined;
  for (const char of text) {
    const [face, glyph] = glyphFor(char, primary, fallback);
    const scale = 1 / face.font.unitsPerEm;
    if (previous?.face === face) pen += positiveKerning(face, previous.glyph, glyph) * scale;
    const metrics = glyphMetrics(face, glyph);
    if (metrics.ink) {
      inkLeft = Math.min(inkLeft, pen + metrics.ink.xMin * scale);
      inkRight = Math.max(inkRight, pen + metrics.ink.xMax * scale);
      inkDescent = Math.max(inkDescent, -metrics.ink.yMin * scale);
    }
    pen += metrics.advance * scale;
    previous = { face, glyph };
  }
  const inked = inkRight !== Number.NEGATIVE_INFINITY;
  return inked
    ? { advance: pen, inkLeft, inkRight, inkDescent }
    : { advance: pen, inkLeft: 0, inkRight: 0, inkDescent };
}

// The face and glyph resvg draws `char` with: the first face that has it, else primary's .notdef.
function glyphFor(char: string, primary: Face, fallback: Face): [Face, number] {
  const own = primary.font.charToGlyphIndex(char);
  if (own !== 0) return [primary, own];
  const other = fallback.font.charToGlyphIndex(char);
  return other !== 0 ? [fallback, other] : [primary, 0];
}

function glyphMetrics(face: Face, index: number): GlyphMetrics {
  let metrics = face.glyphs.get(index);
  if (!metrics) {
    const glyph = face.font.glyphs.get(index);
    const box = glyph.getBoundingBox();
    metrics = {
      advance: glyph.advanceWidth,
      ink: box.isEmpty() ? undefined : { xMin: box.x1, xMax: box.x2, yMin: box.y1 },
    };
    face.glyphs.set(index, metrics);
  }
  return metrics;
}

// The largest positive adjustment any script's kern lookups give the pair: resvg applies one
// script's, and dropping the negative ones can only overestimate the width.
function positiveKerning(face: Face, left: number, right: number): number {
  const key = left * 0x10000 + right;
  let value = face.kerningPairs.get(key);
  if (value === undefined) {
    value = 0;
    for (const lookups of face.kerning) {
      value = Math.max(value, face.font.position.getKerningValue(lookups, left, right));
    }
    face.kerningPairs.set(key, value);
  }
  return value;
}
