// The Universal Sentence Encoder lite's transformer written out as an ONNX graph, over the weights
// of the published TF.js graph, so ONNX Runtime's native kernels can run it. It is the same
// computation as the TF.js graph for one text: two pre-norm transformer layers (4 heads; widths
// 256 then 512), mean pooling over tokens, a tanh layer and L2 normalisation. The token
// embeddings and timing signal are added before the graph (`embeddingInput`), which takes them
// as input `x` [tokens, 256] and returns `embedding` [1, 512].

import { OnnxGraphBuilder } from './onnx-graph-builder.js';
import type { UseLiteWeights, WeightTensor } from './use-lite-weights.js';

/** The graph's input and output names. */
export const USE_LITE_INPUT = 'x';
export const USE_LITE_OUTPUT = 'embedding';

/** Width of the token embeddings, and of the timing signal added to them. */
export const TOKEN_EMBEDDING_SIZE = 256;

/** The published graph keeps only a text's first 128 tokens. */
const MAX_TOKENS = 128;

/** Width of the second layer and of the embedding the graph returns. */
export const EMBEDDING_SIZE = 512;
const HEADS = 4;
/** The graph's layer-norm epsilon and the floor of its L2 normalisation. */
const LAYER_NORM_EPSILON = 1e-6;
const NORM_FLOOR = 1e-12;

/** Prefixes of the published weights' names. */
const ENCODE = 'module_apply_default/Encoder_en/KonaTransformer/Encode';
const KERNELS = 'module/Encoder_en/KonaTransformer/Encode';
const HIDDEN = 'module/Encoder_en/hidden_layers/tanh_layer_0';

function weight(weights: UseLiteWeights, name: string): WeightTensor {
  const found = weights.get(name);
  if (found === undefined) throw new Error(`the sentence encoder has no weight ${name}`);
  return found;
}

/** Builds the ONNX model, serialised, from the published weights. */
export function buildUseLiteGraph(weights: UseLiteWeights): Uint8Array {
  const graph = new OnnxGraphBuilder();
  /** A published weight as a 2-D matrix (the 1×1 convolution kernels lose their two unit axes). */
  const matrix = (name: string) => {
    const { shape, values } = weight(weights, name);
    const columns = shape[shape.length - 1] ?? 0;
    return graph.floats(name, [values.length / columns, columns], values);
  };
  const vector = (name: string) => {
    const { values } = weight(weights, name);
    return graph.floats(name, [values.length], values);
  };
  const dense = (input: string, kernel: string, bias: string) =>
    graph.op('Add', [graph.op('MatMul', [input, matrix(kernel)]), vector(bias)]);
  const layerNorm = (input: string, prefix: string) =>
    graph.op(
      'LayerNormalization',
      [
        input,
        vector(`${prefix}/layer_norm/layer_norm_scale/ConcatPartitions/concat`),
        vector(`${prefix}/layer_norm/layer_norm_bias/ConcatPartitions/concat`),
      ],
      { axis: { int: -1 }, epsilon: { float: LAYER_NORM_EPSILON } },
    );

  /** Multi-head self-attention over [tokens, width], as the published graph computes it. */
  const attention = (input: string, layer: number, width: number) => {
    const biases = `${ENCODE}/Layer_${layer}/TransformerLayer/MultiheadAttention`;
    const kernels = `${KERNELS}/Layer_${layer}/TransformerLayer/MultiheadAttention`;
    const qkv = dense(
      input,
      `${kernels}/qkv_transform_single/kernel/part_0`,
      `${biases}/qkv_transform_single/bias/ConcatPartitions/concat`,
    );
    const [query, key, value] = graph.node('Split', [qkv, graph.int64s([width, width, width])], {
      attributes: { axis: { int: 1 } },
      outputs: 3,
    }) as [string, string, string];
    // [tokens, width] → [heads, tokens, width / heads], or [heads, width / heads, tokens] for keys.
    const heads = (tensor: string, perm: number[]) =>
      graph.op(
        'Transpose',
        [graph.op('Reshape', [tensor, graph.int64s([-1, HEADS, width / HEADS])])],
        { perm: { ints: perm } },
      );
    const scale = weight(
      weights,
      `${ENCODE}/TransformerStack/Layer_${layer}/TransformerLayer/MultiheadAttention/mul/y`,
    ).values[0];
    const logits = graph.op('MatMul', [
      graph.op('Mul', [heads(query, [1, 0, 2]), graph.scalar(scale ?? 0)]),
      heads(key, [1, 2, 0]),
    ]);
    const attended = graph.op('MatMul', [
      graph.op('Softmax', [logits], { axis: { int: -1 } }),
      heads(value, [1, 0, 2]),
    ]);
    const combined = graph.op('Reshape', [
      graph.op('Transpose', [attended], { perm: { ints: [1, 0, 2] } }),
      graph.int64s([-1, width]),
    ]);
    return dense(
      combined,
      `${kernels}/output_transform_single/kernel/part_0`,
      `${biases}/output_transform_single/bias/ConcatPartitions/concat`,
    );
  };

  /** The feed-forward block with its residual. */
  const feedForward = (input: string, layer: number) => {
    const biases = `${ENCODE}/Layer_${layer}/TransformerLayer/FFN`;
    const kernels = `${ENCODE}/TransformerStack/Layer_${layer}/TransformerLayer/FFN`;
    const hidden = graph.op('Relu', [
      dense(
        layerNorm(input, `${biases}/layer_prepostprocess`),
        `${kernels}/conv1/Tensordot/Reshape_1`,
        `${biases}/conv1/bias/ConcatPartitions/concat`,
      ),
    ]);
    const output = dense(
      hidden,
      `${kernels}/conv2/Tensordot/Reshape_1`,
      `${biases}/conv2/bias/ConcatPartitions/concat`,
    );
    return graph.op('Add', [output, input]);
  };

  // Layer 0 widens the residual stream from 256 to 512 with a dense projection of its input.
  const layer0 = `${ENCODE}/Layer_0/TransformerLayer`;
  const residual0 = dense(
    USE_LITE_INPUT,
    `${layer0}/dense/kernel/ConcatPartitions/concat`,
    `${layer0}/dense/bias/ConcatPartitions/concat`,
  );
  const attended0 = graph.op('Add', [
    attention(layerNorm(USE_LITE_INPUT, `${layer0}/layer_prepostprocess`), 0, TOKEN_EMBEDDING_SIZE),
    residual0,
  ]);
  const out0 = feedForward(attended0, 0);
  const layer1 = `${ENCODE}/Layer_1/TransformerLayer`;
  const attended1 = graph.op('Add', [
    attention(layerNorm(out0, `${layer1}/layer_prepostprocess`), 1, EMBEDDING_SIZE),
    out0,
  ]);
  const out1 = feedForward(attended1, 1);

  const pooled = graph.op('ReduceMean', [out1], { axes: { ints: [0] }, keepdims: { int: 1 } });
  const hidden = graph.op('Tanh', [dense(pooled, `${HIDDEN}/weights`, `${HIDDEN}/bias`)]);
  const squaredNorm = graph.op('ReduceSumSquare', [hidden], {
    axes: { ints: [1] },
    keepdims: { int: 1 },
  });
  const norm = graph.op('Sqrt', [graph.op('Max', [squaredNorm, graph.scalar(NORM_FLOOR)])]);
  graph.node('Div', [hidden, norm], { as: USE_LITE_OUTPUT });

  return graph.encode(
    'universal-sentence-encoder-lite',
    [{ name: USE_LITE_INPUT, dims: ['tokens', TOKEN_EMBEDDING_SIZE] }],
    [{ name: USE_LITE_OUTPUT, dims: [1, EMBEDDING_SIZE] }],
  );
}

/**
 * The graph's input for a text's token ids: twice each token's embedding plus the sinusoidal
 * timing signal of its position (sines then cosines of position × the published inverse
 * timescales). Twice, because the published graph adds the embeddings with the timing signal
 * added to the embeddings themselves.
 */
export function embeddingInput(weights: UseLiteWeights, tokenIds: readonly number[]): Float32Array {
  const table = weight(weights, 'module/Embeddings_en').values;
  const inverseTimescales = weight(
    weights,
    `${ENCODE}/TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`,
  ).values;
  const half = TOKEN_EMBEDDING_SIZE / 2;
  const ids = tokenIds.slice(0, MAX_TOKENS);
  const input = new Float32Array(ids.length * TOKEN_EMBEDDING_SIZE);
  ids.forEach((id, position) => {
    const row = position * TOKEN_EMBEDDING_SIZE;
    for (let index = 0; index < TOKEN_EMBEDDING_SIZE; index++) {
      input[row + index] = 2 * (table[id * TOKEN_EMBEDDING_SIZE + index] ?? 0);
    }
    for (let index = 0; index < half; index++) {
      const angle = Math.fround(position * (inverseTimescales[index] ?? 0));
      input[row + index] = (input[row + index] ?? 0) + Math.sin(angle);
      input[row + half + index] = (input[row + half + index] ?? 0) + Math.cos(angle);
    }
  });
  return input;
}
