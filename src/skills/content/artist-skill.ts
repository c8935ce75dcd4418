// artist.produce: turns a ContentBrief into media through the media MCP server, with the
// persona's character reference fixed in every render. A video brief becomes an MP4 (the card
// over the spoken script) and its PNG poster; when the server cannot make video it produces an
// image post and says so in the asset's notes. It produces; it does not publish.

import { z } from 'zod';
import { productionCost } from '../../models/price-table.js';
import { defineSkill } from '../skill.js';
import { ContentBrief } from './content-brief.js';
import { EXAMPLE_ASSET, EXAMPLE_BRIEF } from './contract-examples.js';
import { MediaAsset } from './media-asset.js';

const Capabilities = z.object({ image: z.boolean(), video: z.boolean() });
const StoredFile = z.object({
  path: z.string(),
  mime: z.string(),
  bytes: z.number().int().positive(),
  sha256: z.string(),
});
const Rendered = StoredFile.extend({ character_reference_id: z.string() });
const RenderedVideo = Rendered.extend({
  duration_seconds: z.number().positive(),
  poster: StoredFile,
});

/** An asset's entry for a stored file. */
const assetFile = ({ path, mime, bytes }: z.infer<typeof StoredFile>) => ({ path, mime, bytes });

export const artistSkill = defineSkill({
  name: 'artist.produce',
  specId: 'SK-ARTIST-001',
  description: 'Produces the media of a content brief through the media server.',
  inputSchema: z.object({ brief: ContentBrief }),
  outputSchema: MediaAsset,
  timeoutMs: 60_000,
  examples: [{ input: { brief: EXAMPLE_BRIEF }, output: EXAMPLE_ASSET }],
  publicText: (asset) => [asset.caption, asset.hashtags.join(' ')].join('\n'),
  characterReferences: (input, output) => ({
    expected: input.brief.character_reference_id,
    actual:
      output.format === 'text' ? input.brief.character_reference_id : output.character_reference_id,
  }),
  async run({ brief }, context) {
    const notes: string[] = [];
    let format = brief.format;
    if (format === 'video') {
      const capabilities = await context.tools.callTool(
        'media',
        'get_capabilities',
        {},
        { outputSchema: Capabilities },
      );
      if (!capabilities?.video) {
        format = 'image';
        notes.push('video is not available from the media server: produced an image post instead');
      }
    }
    const files: MediaAsset['files'] = [];
    let reference: string | undefined;
    let videoSeconds = 0;
    const card = {
      caption: brief.caption.slice(0, 300),
      prompt: brief.visual_prompts[0] ?? brief.caption,
      character_reference_id: brief.character_reference_id,
    };
    if (format === 'video') {
      const rendered = await context.tools.callTool(
        'media',
        'render_video',
        { ...card, script: brief.script ?? brief.caption },
        { outputSchema: RenderedVideo },
      );
      if (rendered) {
        files.push(assetFile(rendered), assetFile(rendered.poster));
        reference = rendered.character_reference_id;
        videoSeconds = rendered.duration_seconds;
      }
    } else if (format === 'image') {
      const rendered = await context.tools.callTool('media', 'render_image', card, {
        outputSchema: Rendered,
      });
      if (rendered) {
        files.push(assetFile(rendered));
        reference = rendered.character_reference_id;
      }
    }
    const asset: MediaAsset = {
      asset_id: `asset-${brief.brief_id.replace(/^brief-/, '')}`,
      brief_id: brief.brief_id,
      format,
      files,
      // An offline render always follows the brief; a fallback from video is a lesser result.
      quality_score: notes.length > 0 ? 0.9 : 0.95,
      // The price table the Director estimated with, at the rendered length.
      production_cost: productionCost(format, videoSeconds),
      ...(reference && { character_reference_id: reference }),
      caption: brief.caption,
      hashtags: brief.hashtags,
      notes,
      ...(brief.strategy && { strategy: { ...brief.strategy, format } }),
    };
    return { output: asset, confidence: asset.quality_score };
  },
});
