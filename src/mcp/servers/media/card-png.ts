// Renders an image post's card (card-svg.ts) to PNG with resvg and only the shipped card font
// (card-font.ts), never system fonts, so the render matches the metrics the layout used.
// Shared by render_image and by render_video, whose still frame is the same card.

import { Resvg } from '@resvg/resvg-js';
import { cardFont } from './card-font.js';
import { type CardContent, cardSvg } from './card-svg.js';

/** The PNG bytes of the card showing `content`. */
export function renderCardPng(content: CardContent): Uint8Array {
  const font = cardFont();
  return new Resvg(cardSvg(content), {
    font: {
      loadSystemFonts: false,
      fontFiles: [...font.files],
      defaultFontFamily: font.family,
      sansSerifFamily: font.family,
    },
  })
    .render()
    .asPng();
}
