// Renders an image post's card (card-svg.ts) to PNG with resvg and the system's DejaVu fonts.
// Shared by render_image and by render_video, whose still frame is the same card.

import { Resvg } from '@resvg/resvg-js';
import { type CardContent, cardSvg } from './card-svg.js';

/** The PNG bytes of the card showing `content`. */
export function renderCardPng(content: CardContent): Uint8Array {
  return new Resvg(cardSvg(content), {
    font: {
      loadSystemFonts: true,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  })
    .render()
    .asPng();
}
