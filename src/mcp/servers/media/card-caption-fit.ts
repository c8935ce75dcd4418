// Fits a caption into the card's caption box with the card font's real metrics: the largest size
// at which the wrapped words fit the width and the lines fit the height. Only words too wide even
// at the smallest size are broken; what overflows at that size is cut with "…". No SVG here.

import { withEllipsis, wrapCaption } from './card-caption-wrap.js';
import type { CardFont } from './card-font.js';
import type { CardGeometry } from './card-geometry.js';

/** One caption line, placed. */
export interface CaptionLine {
  text: string;
  /** Pen start, in px: the box's left edge, moved right by any left overhang of the first glyph. */
  x: number;
  /** Baseline, in px. */
  baseline: number;
}

/** A caption laid out in bold card type. */
export interface CaptionFit {
  /** Font size in px. */
  fontSize: number;
  lines: CaptionLine[];
}

// Room kept between measured ink and the box edge, in px, against rounding in the rasterizer.
const GUARD_PX = 1;

/** Lays `caption` out in bold `font` inside `geometry.caption`. */
export function fitCaption(caption: string, font: CardFont, geometry: CardGeometry): CaptionFit {
  const box = geometry.caption;
  const { max, min } = geometry.captionFontSize;
  const descent = font.measure(caption, 'bold').inkDescent;
  const fitsAt = (size: number) => (line: string) => {
    const extent = font.measure(line, 'bold');
    const width = (extent.inkRight - Math.min(0, extent.inkLeft)) * size;
    return width <= box.right - box.left - GUARD_PX;
  };
  const lineRoom = (size: number) =>
    Math.floor(
      (box.bottom - box.top - (font.ascent + descent) * size) / (geometry.lineHeight * size),
    ) + 1;

  // A word too wide for a line even at the smallest size is broken at any size: shrinking
  // cannot save it, so it should not cost the rest of the caption its type size.
  const fitsAtMin = fitsAt(min);
  const options = { mayBreak: (word: string) => !fitsAtMin(word) };
  for (let size = max; size > min; size -= 1) {
    if (lineRoom(size) < 1) continue;
    const lines = wrapCaption(caption, fitsAt(size), options);
    if (lines && lines.length <= lineRoom(size)) return place(lines, size);
  }
  const lines = wrapCaption(caption, fitsAtMin, { mayBreak: () => true }) ?? [];
  const room = Math.max(1, lineRoom(min));
  if (lines.length <= room) return place(lines, min);
  const kept = lines.slice(0, room);
  kept[room - 1] = withEllipsis(kept[room - 1] ?? '', fitsAtMin);
  return place(kept, min);

  function place(texts: string[], size: number): CaptionFit {
    const first = box.top + font.ascent * size;
    return {
      fontSize: size,
      lines: texts.map((text, index) => ({
        text,
        x: box.left - Math.min(0, font.measure(text, 'bold').inkLeft) * size,
        baseline: first + index * geometry.lineHeight * size,
      })),
    };
  }
}
