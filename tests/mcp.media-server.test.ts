// FR-MCP-004: the media server renders image posts offline as PNG files stored by content, with
// the character reference fixed in the render, and says which media it cannot produce.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledServer } from '../src/mcp/bundled-servers.js';
import { McpHub } from '../src/mcp/mcp-hub.js';
import { MemoryRateLimiter } from '../src/mcp/rate-limiter.js';

describe('the media server', () => {
  let dataDir: string;
  let hub: McpHub;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chimera-media-'));
    hub = new McpHub({
      servers: {
        media: { kind: 'in-process', create: () => bundledServer('media').create({ dataDir }) },
      },
      allowLists: { byAgent: {}, default: ['media.*'] },
      rateLimiter: new MemoryRateLimiter(),
      trace: async () => undefined,
    });
  });
  afterAll(async () => {
    await hub.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const render = (caption: string) =>
    hub.callTool({
      agentId: 'ava',
      specId: 'FR-MCP-004',
      server: 'media',
      tool: 'render_image',
      arguments: {
        caption,
        prompt: 'upcycled denim, golden hour',
        character_reference_id: 'ava-ref-v1',
        width: 512,
        height: 512,
      },
    });

  it('renders a PNG under the data dir, named by its SHA-256, with the character reference', async () => {
    const { output } = await render('Upcycled denim is the drop of the week');
    const file = output as {
      path: string;
      mime: string;
      bytes: number;
      sha256: string;
      character_reference_id: string;
    };
    expect(file.path).toBe(join(dataDir, 'media', `${file.sha256}.png`));
    expect(file.mime).toBe('image/png');
    expect(file.character_reference_id).toBe('ava-ref-v1');
    const bytes = await readFile(file.path);
    expect(bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(bytes.byteLength).toBe(file.bytes);
    expect((await render('Upcycled denim is the drop of the week')).output).toEqual(output);
    expect(((await render('A different caption')).output as { sha256: string }).sha256).not.toBe(
      file.sha256,
    );
  });

  it('reports that speech and video are not available', async () => {
    const { output } = await hub.callTool({
      agentId: 'ava',
      specId: 'FR-MCP-004',
      server: 'media',
      tool: 'get_capabilities',
      arguments: {},
    });
    expect(output).toMatchObject({ image: true, speech: false, video: false });
  });
});
