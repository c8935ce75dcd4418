// Gives each connection of the PGlite wire server statement names of its own. Prepared
// statements belong to a session, and the wire server runs every connection on PGlite's one
// session: two connections preparing the same name would collide, and one could run another's.
// So the name in every Parse, Bind, Describe and Close of a statement gets the connection's
// prefix on the way in. (The replies never carry statement names.) The unnamed statement is
// left alone: each batch runs whole, so it cannot leak from one connection to another.

/** `message` (one frontend message) with its statement name prefixed; undefined: none to name. */
export function prefixStatementName(
  message: Buffer,
  prefix: string,
): { message: Buffer; name: string } | undefined {
  const type = String.fromCharCode(message[0] as number);
  let at: number;
  if (type === 'P') {
    at = 5; // Parse: the statement name comes first.
  } else if (type === 'B') {
    at = message.indexOf(0, 5) + 1; // Bind: after the portal name.
  } else if ((type === 'D' || type === 'C') && message[5] === 'S'.charCodeAt(0)) {
    at = 6; // Describe or Close of a statement (not a portal).
  } else {
    return undefined;
  }
  const end = message.indexOf(0, at);
  if (at <= 0 || end < 0 || end === at) return undefined;
  const name = `${prefix}${message.toString('utf8', at, end)}`;
  const renamed = Buffer.concat([
    message.subarray(0, at),
    Buffer.from(name, 'utf8'),
    message.subarray(end),
  ]);
  renamed.writeInt32BE(renamed.length - 1, 1);
  return { message: renamed, name };
}
