// The help text of `mcp serve` names the bundled servers from a list of its own, so that the CLI
// starts without loading them; this keeps that list in step with the servers themselves.

import { describe, expect, it } from 'vitest';
import { BUNDLED_SERVERS } from '../../mcp/bundled-servers.js';
import { BUNDLED_SERVER_NAMES } from './mcp-commands.js';

describe('mcp serve help', () => {
  it('names every bundled server, sorted', () => {
    expect([...BUNDLED_SERVER_NAMES]).toEqual(Object.keys(BUNDLED_SERVERS).sort());
  });
});
