// The DHT topic a Chimera network's nodes announce themselves on: the BLAKE2b-256 hash (hyperdht's
// own `hash`, as Hyperswarm topics are made) of the network's name, so that organisations sharing
// a name find each other and networks of other names stay apart. Names are not secret: a topic
// keeps nobody out, the signature checks do.

import HyperDHT from 'hyperdht';
import { InputError } from '../../domain/errors.js';

/** The network every Chimera node joins unless configured otherwise. */
export const DEFAULT_NETWORK_NAME = 'chimera-network/v1';

/** The most characters a network name may have. */
const MAX_NETWORK_NAME_LENGTH = 200;

/** The 32-byte topic of the network named `name`. */
export function networkTopic(name: string = DEFAULT_NETWORK_NAME): Buffer {
  if (name.trim() === '' || name.length > MAX_NETWORK_NAME_LENGTH) {
    throw new InputError(
      `network name '${name}' must be 1–${MAX_NETWORK_NAME_LENGTH} characters, e.g. '${DEFAULT_NETWORK_NAME}'`,
      { context: { field: 'network' } },
    );
  }
  return HyperDHT.hash(Buffer.from(name, 'utf8'));
}
