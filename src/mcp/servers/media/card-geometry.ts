// Where things sit on an image card, in px, derived from its size alone: the caption's box and
// type sizes, and the badge. Shared by card-svg.ts and by the tests that check renders against it.

/** A rectangle in card pixels. */
export interface CardBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The layout of a `width` × `height` card. */
export interface CardGeometry {
  /** No caption glyph's ink leaves this box (8 % side margins; it ends above the badge). */
  caption: CardBox;
  /** Caption font size in px: the largest tried first, shrunk one px at a time to the smallest. */
  captionFontSize: { max: number; min: number };
  /** Distance between caption baselines, as a multiple of the font size. */
  lineHeight: number;
  /** The dark badge carrying the character reference; it widens (to `maxWidth`) to fit its text. */
  badge: {
    box: CardBox;
    /** Widest the badge may grow, in px (to the right side margin). */
    maxWidth: number;
    radius: number;
    textX: number;
    textBaseline: number;
    fontSize: number;
  };
}

/** The layout of a card of `width` × `height` px. */
export function cardGeometry(width: number, height: number): CardGeometry {
  const maxFontSize = Math.round(width / 18);
  const minFontSize = Math.min(maxFontSize, Math.max(10, Math.round(Math.min(width, height) / 40)));
  const badgeTop = height * 0.86;
  const badgeHeight = height * 0.08;
  return {
    caption: { left: width * 0.08, top: height * 0.36, right: width * 0.92, bottom: height * 0.84 },
    captionFontSize: { max: maxFontSize, min: minFontSize },
    lineHeight: 1.25,
    badge: {
      box: {
        left: width * 0.06,
        top: badgeTop,
        right: width * 0.56,
        bottom: badgeTop + badgeHeight,
      },
      maxWidth: width * 0.88,
      radius: height * 0.02,
      textX: width * 0.08,
      textBaseline: height * 0.915,
      // Half the caption's size, but no taller than the badge on wide, short cards.
      fontSize: Math.min(Math.round(maxFontSize * 0.5), Math.round(badgeHeight * 0.45)),
    },
  };
}
