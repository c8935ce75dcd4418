// The bundled `media` MCP server: renders image posts offline (SVG → PNG with resvg) with the
// persona's character reference fixed in the render, and stores them content-addressed under the
// data dir. Speech and video synthesis are not offered by this version; get_capabilities says so.

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Resvg } from '@resvg/resvg-js';
import { z } from 'zod';
import { structuredAnswer } from '../tool-results.js';
import { cardSvg } from './card-svg.js';
import { storeContentAddressed } from './content-addressed-files.js';

/** Media server options. */
export interface MediaServerOptions {
  /** Folder for rendered files (content-addressed). */
  mediaDir: string;
}

const StoredFileShape = {
  path: z.string(),
  mime: z.string(),
  bytes: z.number().int().positive(),
  sha256: z.string(),
};

export function createMediaServer(options: MediaServerOptions): McpServer {
  const server = new McpServer({ name: 'chimera-media', version: '0.1.0' });

  server.registerTool(
    'get_capabilities',
    {
      description: 'Which media this server can produce.',
      outputSchema: {
        image: z.boolean(),
        speech: z.boolean(),
        video: z.boolean(),
        notes: z.array(z.string()),
      },
      annotations: { readOnlyHint: true },
    },
    async () => {
      const result = {
        image: true,
        speech: false,
        video: false,
        notes: ['speech and video synthesis are not offered by this version; produce image posts'],
      };
      return structuredAnswer(result);
    },
  );

  server.registerTool(
    'render_image',
    {
      description:
        'Renders an image post (PNG) from a caption and a visual prompt, with the character reference fixed in the render.',
      inputSchema: {
        caption: z.string().min(1).max(300),
        prompt: z.string().min(1).max(1_000),
        character_reference_id: z.string().min(1),
        width: z.number().int().min(256).max(2_048).default(1_080),
        height: z.number().int().min(256).max(2_048).default(1_080),
      },
      outputSchema: { ...StoredFileShape, character_reference_id: z.string() },
      annotations: { idempotentHint: true },
    },
    async (input) => {
      const svg = cardSvg({
        caption: input.caption,
        prompt: input.prompt,
        characterReferenceId: input.character_reference_id,
        width: input.width,
        height: input.height,
      });
      const png = new Resvg(svg, {
        font: {
          loadSystemFonts: true,
          defaultFontFamily: 'DejaVu Sans',
          sansSerifFamily: 'DejaVu Sans',
        },
      })
        .render()
        .asPng();
      const file = await storeContentAddressed(options.mediaDir, png, 'png', 'image/png');
      const result = { ...file, character_reference_id: input.character_reference_id };
      return structuredAnswer(result);
    },
  );

  return server;
}
