// Types for the small part of opentype.js (2.x ships no typings) that card-font.ts uses: parsing
// a TrueType file, the character map, glyph advances and outlines, and GPOS pair kerning.

declare module 'opentype.js' {
  /** A glyph's outline bounds, in font units. */
  interface OpentypeBoundingBox {
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    isEmpty(): boolean;
  }

  /** One glyph of a parsed font. */
  interface OpentypeGlyph {
    /** Glyph id; 0 is .notdef. */
    index: number;
    /** Horizontal advance (hmtx), in font units. */
    advanceWidth: number;
    /** The outline's bounds; empty for glyphs without contours (space). */
    getBoundingBox(): OpentypeBoundingBox;
  }

  /** A GPOS kerning lookup list, as `Position.getKerningTables` returns it. */
  type OpentypeKerningLookups = unknown[];

  /** A parsed font. */
  interface OpentypeFont {
    unitsPerEm: number;
    tables: {
      hhea: { ascender: number; descender: number };
      gpos?: { scripts: Array<{ tag: string }> };
    };
    glyphs: { get(index: number): OpentypeGlyph };
    /** The glyph id `char` maps to in the cmap; 0 when the font lacks it. */
    charToGlyphIndex(char: string): number;
    position: {
      /** Pair-adjustment lookups of the `kern` feature for a script, if the font has any. */
      getKerningTables(script: string, language?: string): OpentypeKerningLookups | undefined;
      /** The x-advance adjustment between two glyph ids, in font units. */
      getKerningValue(lookups: OpentypeKerningLookups, left: number, right: number): number;
    };
  }

  const opentype: {
    /** Parses a TrueType/OpenType file. */
    parse(buffer: ArrayBuffer | Uint8Array): OpentypeFont;
  };
  export default opentype;
  export type { OpentypeFont, OpentypeGlyph, OpentypeKerningLookups };
}
