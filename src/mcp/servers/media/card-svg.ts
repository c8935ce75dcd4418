// Builds the SVG of an image post: a palette derived from the prompt, the caption fitted in bold
// type (card-caption-fit.ts), and the persona's character reference fixed in a badge, so every
// render of one persona carries the same mark. Text in, SVG text out; reads only the card font.

import { createHash } from 'node:crypto';
import { fitCaption } from './card-caption-fit.js';
import { type CardFont, cardFont } from './card-font.js';
import { type CardGeometry, cardGeometry } from './card-geometry.js';

/** What an image shows. */
export interface CardContent {
  caption: string;
  prompt: string;
  characterReferenceId: string;
  width: number;
  height: number;
}

/** The SVG document for `content`, its text laid out with the card font's real metrics. */
export function cardSvg(content: CardContent): string {
  const digest = createHash('sha256').update(content.prompt).digest();
  const hue = ((digest[0] as number) * 360) / 256;
  const accent = (hue + 140) % 360;
  const { width, height } = content;
  const font = cardFont();
  const geometry = cardGeometry(width, height);
  const caption = fitCaption(font.drawable(xmlText(content.caption)), font, geometry);
  const lines = caption.lines
    .map((line) => `<tspan x="${line.x}" y="${line.baseline}">${escapeXml(line.text)}</tspan>`)
    .join('');
  const badge = badgeLayout(
    `ref ${font.drawable(xmlText(content.characterReferenceId))} · AI-generated`,
    font,
    geometry,
  );
  const family = `${font.family}, sans-serif`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue.toFixed(0)}, 70%, 42%)"/>
      <stop offset="1" stop-color="hsl(${accent.toFixed(0)}, 65%, 28%)"/>
    </linearGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#bg)"/>
  <circle cx="${width * 0.82}" cy="${height * 0.2}" r="${width * 0.22}" fill="hsl(${accent.toFixed(0)}, 80%, 60%)" opacity="0.35"/>
  <text font-family="${family}" font-size="${caption.fontSize}" font-weight="bold" fill="#ffffff">${lines}</text>
  <rect x="${badge.box.left}" y="${badge.box.top}" width="${badge.box.right - badge.box.left}" height="${badge.box.bottom - badge.box.top}" rx="${badge.radius}" fill="#000000" opacity="0.45"/>
  <text x="${badge.textX}" y="${badge.textBaseline}" font-family="${family}" font-size="${badge.fontSize}" fill="#ffffff">${escapeXml(badge.text)}</text>
</svg>`;
}

// The badge of the geometry, widened to hold `text`, and its type shrunk when even the widest
// badge would not; for the usual short references it is the geometry's badge unchanged.
function badgeLayout(text: string, font: CardFont, geometry: CardGeometry) {
  const { badge } = geometry;
  const padding = badge.textX - badge.box.left;
  const extent = font.measure(text, 'normal');
  const room = badge.maxWidth - 2 * padding;
  const fontSize = Math.min(badge.fontSize, room / Math.max(extent.inkRight, 1e-6));
  const needed = extent.inkRight * fontSize + 2 * padding;
  const right = Math.max(
    badge.box.right,
    Math.min(badge.box.left + badge.maxWidth, badge.box.left + needed),
  );
  return { ...badge, text, fontSize, box: { ...badge.box, right } };
}

// `text` without the characters XML 1.0 cannot carry (controls, lone surrogates), so that resvg
// parses the very text that was measured.
function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
