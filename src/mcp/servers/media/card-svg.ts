// Builds the SVG of an image post: a palette derived from the prompt, the caption set in type,
// and the persona's character reference fixed in a badge, so every render of one persona carries
// the same mark. Pure: text in, SVG text out.

import { createHash } from 'node:crypto';

/** What an image shows. */
export interface CardContent {
  caption: string;
  prompt: string;
  characterReferenceId: string;
  width: number;
  height: number;
}

/** The SVG document for `content`. */
export function cardSvg(content: CardContent): string {
  const digest = createHash('sha256').update(content.prompt).digest();
  const hue = ((digest[0] as number) * 360) / 256;
  const accent = (hue + 140) % 360;
  const { width, height } = content;
  const lines = wrap(content.caption, Math.max(12, Math.floor(width / 26)), 6);
  const fontSize = Math.round(width / 18);
  const text = lines
    .map(
      (line, index) =>
        `<tspan x="${width * 0.08}" dy="${index === 0 ? 0 : fontSize * 1.25}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue.toFixed(0)}, 70%, 42%)"/>
      <stop offset="1" stop-color="hsl(${accent.toFixed(0)}, 65%, 28%)"/>
    </linearGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#bg)"/>
  <circle cx="${width * 0.82}" cy="${height * 0.2}" r="${width * 0.22}" fill="hsl(${accent.toFixed(0)}, 80%, 60%)" opacity="0.35"/>
  <text x="${width * 0.08}" y="${height * 0.42}" font-family="DejaVu Sans, sans-serif" font-size="${fontSize}" font-weight="bold" fill="#ffffff">${text}</text>
  <rect x="${width * 0.06}" y="${height * 0.86}" width="${width * 0.5}" height="${height * 0.08}" rx="${height * 0.02}" fill="#000000" opacity="0.45"/>
  <text x="${width * 0.08}" y="${height * 0.915}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(fontSize * 0.5)}" fill="#ffffff">ref ${escapeXml(content.characterReferenceId)} · AI-generated</text>
</svg>`;
}

/** Greedy word wrap to `width` characters, at most `maxLines` lines (the last ends with …). */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`];
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
