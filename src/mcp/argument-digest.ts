// A digest of tool-call arguments for the trace: secrets are redacted before hashing and listed
// by key, so the trace can tell two calls apart without storing what they said.

import { createHash } from 'node:crypto';

const SECRET_KEY = /(token|secret|password|passphrase|private|api[_-]?key|authorization|cookie)/i;

/** `{ digest: 'sha256:…', redacted: ['api_key'] }` for `args`. */
export function argumentDigest(args: unknown): { digest: string; redacted: string[] } {
  const redacted: string[] = [];
  const canonical = JSON.stringify(redact(args, redacted, ''));
  const digest = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
  return { digest: `sha256:${digest}`, redacted };
}

function redact(value: unknown, redacted: string[], path: string): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => redact(item, redacted, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return Object.fromEntries(
    entries.map(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      if (SECRET_KEY.test(key)) {
        redacted.push(at);
        return [key, '[redacted]'];
      }
      return [key, redact(item, redacted, at)];
    }),
  );
}
