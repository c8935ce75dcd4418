// Issue 9: captions must stay inside the card. Renders cards through the real PNG path (resvg with
// the shipped font), reads the PNG's pixels back, and checks the caption's ink, found as the
// pixels that differ from the same card without a caption, against the caption box.

import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { fitCaption } from '../src/mcp/servers/media/card-caption-fit.js';
import { cardFont } from '../src/mcp/servers/media/card-font.js';
import { cardGeometry } from '../src/mcp/servers/media/card-geometry.js';
import { renderCardPng } from '../src/mcp/servers/media/card-png.js';

const CAPTIONS = {
  short: 'Denim, reworked.',
  long: 'Okay, friends: Upcycled denim jackets are taking over every thrift aisle this season, and honestly? I am here for it. Wide-leg jeans, patchwork totes, visible mending, the works. For everyone into sustainable fashion and slow living, this one is for you. Tag a friend who thrifts!',
  word: `Wow ${'Mmmmmwah'.repeat(8).slice(0, 60)} so good`,
  emoji: 'Golden hour 😀🔥👍🏽 vibes with the fam 👨‍👩‍👧 in 🇯🇵 ❤️✨ WAVE AVATAR 🎉🎉🎉',
};

const SIZES = [
  { width: 1080, height: 1080 },
  { width: 512, height: 512 },
  { width: 1080, height: 1920 },
  { width: 2048, height: 256 },
];

/** The RGBA pixels of `png`, decoded by resvg itself (an `<image>` drawn 1:1). */
function pixelsOf(png: Uint8Array, width: number, height: number): Buffer {
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" image-rendering="optimizeSpeed" href="${href}"/></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
}

/** The bounding box, in whole pixels, of every pixel where `a` and `b` differ. */
function differingBox(a: Buffer, b: Buffer, width: number) {
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  let top = Number.POSITIVE_INFINITY;
  let bottom = -1;
  for (let offset = 0; offset < a.length; offset += 4) {
    if (a.readUInt32BE(offset) === b.readUInt32BE(offset)) continue;
    const x = (offset / 4) % width;
    const y = Math.floor(offset / 4 / width);
    left = Math.min(left, x);
    right = Math.max(right, x + 1);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y + 1);
  }
  return { left, right, top, bottom };
}

function card(caption: string, size: { width: number; height: number }, reference = 'ava-ref-v1') {
  return {
    caption,
    prompt: 'upcycled denim, golden hour',
    characterReferenceId: reference,
    ...size,
  };
}

describe('image card captions (issue 9)', () => {
  for (const size of SIZES) {
    const label = `${size.width}x${size.height}`;
    let blank: Buffer | undefined;
    const geometry = cardGeometry(size.width, size.height);

    for (const [name, caption] of Object.entries(CAPTIONS)) {
      it(`keeps every pixel of the ${name} caption inside the side margins and above the badge on a ${label} card`, () => {
        const png = renderCardPng(card(caption, size));
        blank ??= pixelsOf(renderCardPng(card('', size)), size.width, size.height);
        const ink = differingBox(pixelsOf(png, size.width, size.height), blank, size.width);

        expect(ink.right, 'the caption is drawn').toBeGreaterThan(ink.left);
        // Whole pixels: one that straddles a box edge may carry anti-aliased ink from inside.
        expect(ink.left).toBeGreaterThanOrEqual(Math.floor(geometry.caption.left));
        expect(ink.right).toBeLessThanOrEqual(Math.ceil(geometry.caption.right));
        expect(ink.bottom).toBeLessThanOrEqual(Math.ceil(geometry.caption.bottom));
        expect(ink.bottom).toBeLessThan(geometry.badge.box.top);
      });
    }

    for (const reference of ['ava-ref-v1', `persona-${'x'.repeat(80)}`]) {
      it(`keeps the badge text for a ${reference.length}-character reference inside the badge on a ${label} card`, () => {
        const png = renderCardPng(card('Denim, reworked.', size, reference));
        const withoutReference = renderCardPng(card('Denim, reworked.', size, ''));
        const ink = differingBox(
          pixelsOf(png, size.width, size.height),
          pixelsOf(withoutReference, size.width, size.height),
          size.width,
        );
        const { box, maxWidth } = geometry.badge;
        expect(ink.right, 'the reference is drawn').toBeGreaterThan(ink.left);
        expect(ink.left).toBeGreaterThanOrEqual(Math.floor(box.left));
        expect(ink.right).toBeLessThanOrEqual(Math.ceil(box.left + maxWidth));
        expect(ink.top).toBeGreaterThanOrEqual(Math.floor(box.top));
        expect(ink.bottom).toBeLessThanOrEqual(Math.ceil(box.bottom));
      });
    }
  }

  it('keeps the original type size for a short caption and shrinks it for a long one', () => {
    const font = cardFont();
    const geometry = cardGeometry(1080, 1080);
    const short = fitCaption(CAPTIONS.short, font, geometry);
    const long = fitCaption(CAPTIONS.long, font, geometry);
    expect(short.fontSize).toBe(Math.round(1080 / 18));
    expect(long.fontSize).toBeLessThan(short.fontSize);
    expect(long.fontSize).toBeGreaterThanOrEqual(geometry.captionFontSize.min);
    expect(long.lines.map((line) => line.text).join(' ')).toBe(CAPTIONS.long);
  });

  it('breaks a 60-letter word with hyphens at the glyph that overflows, keeping every letter', () => {
    const font = cardFont();
    const geometry = cardGeometry(1080, 1080);
    const { lines, fontSize } = fitCaption(CAPTIONS.word, font, geometry);
    const texts = lines.map((line) => line.text);
    expect(texts.filter((text) => text.endsWith('-')).length).toBeGreaterThan(0);
    expect(texts.join(' ').replaceAll('- ', '')).toBe(CAPTIONS.word);
    // Each broken piece is as long as the line allows: one more letter would not have fitted.
    const room = geometry.caption.right - geometry.caption.left;
    const width = (text: string) => font.measure(text, 'bold').inkRight * fontSize;
    texts.forEach((text, index) => {
      const next = texts[index + 1];
      if (!text.endsWith('-') || !next) return;
      expect(width(`${text.slice(0, -1)}${next[0]}-`)).toBeGreaterThan(room - 1);
    });
  });

  it('cuts a caption that cannot fit even at the smallest size with an ellipsis', () => {
    const font = cardFont();
    const geometry = cardGeometry(512, 512);
    const caption = Array.from({ length: 5 }, () => CAPTIONS.long).join(' ');
    const { lines, fontSize } = fitCaption(caption, font, geometry);
    expect(fontSize).toBe(geometry.captionFontSize.min);
    expect(lines.at(-1)?.text.endsWith('…')).toBe(true);
    expect(
      caption.startsWith(
        lines
          .map((line) => line.text)
          .join(' ')
          .slice(0, -1),
      ),
    ).toBe(true);
  });

  it('measures emoji the way resvg draws them: one box per emoji the font lacks', () => {
    const font = cardFont();
    expect(font.drawable('a👍🏽b 👨‍👩‍👧 🇯🇵 ❤️')).toBe('a👍b 👨 🇯 ❤️');
    const box = font.measure('👍', 'bold').advance;
    expect(font.measure('a👍b', 'bold').advance).toBeCloseTo(
      font.measure('ab', 'bold').advance + box,
      6,
    );
  });

  it('renders with the font files shipped in node_modules, not system fonts', () => {
    for (const file of cardFont().files)
      expect(file).toMatch(/node_modules\/dejavu-fonts-ttf\/ttf\//);
  });
});
