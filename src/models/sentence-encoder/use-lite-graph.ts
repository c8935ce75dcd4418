// The Universal Sentence Encoder lite's transformer written out as an ONNX graph, over the weights
// of the published TF.js graph, so ONNX Runtime's native kernels can run it. It is the same
// computation as the TF.js graph for one text: two pre-norm transformer layers (4 heads; widths
// 256 then 512), mean pooling over tokens, a tanh layer and L2 normalisation. The token
// embeddings and timing signal are added before the graph (`embeddingInput`), which takes them
// as input `x` [tokens, 256] and returns `embedding` [1, 512].

import onnxProto, { type onnx } from 'onnx-proto';
import type { UseLiteWeights, WeightTensor } from './use-lite-weights.js';

// onnx-proto is CommonJS: its classes come through the default export, its types by name.
const { AttributeProto, ModelProto, TensorProto } = onnxProto.onnx;

/** The graph's input and output names. */
export const USE_LITE_INPUT = 'x';
export const USE_LITE_OUTPUT = 'embedding';

/** Width of the token embeddings, and of the timing signal added to them. */
export const TOKEN_EMBEDDING_SIZE = 256;

/** The published graph keeps only a text's first 128 tokens. */
export const MAX_TOKENS = 128;

const ENCODE = 'module_apply_default/Encoder_en/KonaTransformer/Encode';
const KERNELS = 'module/Encoder_en/KonaTransformer/Encode';
const HEADS = 4;
/** The graph's layer-norm epsilon and the floor of its L2 normalisation. */
const LAYER_NORM_EPSILON = 1e-6;
const NORM_FLOOR = 1e-12;

function weight(weights: UseLiteWeights, name: string): WeightTensor {
  const found = weights.get(name);
  if (found === undefined) throw new Error(`the sentence encoder has no weight ${name}`);
  return found;
}

/** Builds the ONNX model, serialised, from the published weights. */
export function buildUseLiteGraph(weights: UseLiteWeights): Uint8Array {
  const nodes: onnx.INodeProto[] = [];
  const initializers: onnx.ITensorProto[] = [];
  let counter = 0;
  const fresh = (hint: string) => `${hint}_${counter++}`;

  const floats = (name: string, dims: readonly number[], values: Float32Array) => {
    initializers.push({
      name,
      dims: [...dims],
      dataType: TensorProto.DataType.FLOAT,
      rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    });
    return name;
  };
  const int64s = (values: readonly number[]) => {
    const name = fresh('const');
    const data = BigInt64Array.from(values, (value) => BigInt(value));
    initializers.push({
      name,
      dims: [values.length],
      dataType: TensorProto.DataType.INT64,
      rawData: new Uint8Array(data.buffer),
    });
    return name;
  };
  const scalar = (value: number) => floats(fresh('scalar'), [], Float32Array.of(value));
  /** A published weight as a 2-D matrix (the 1×1 convolution kernels lose their two unit axes). */
  const matrix = (name: string) => {
    const { shape, values } = weight(weights, name);
    const columns = shape[shape.length - 1] ?? 0;
    return floats(name, [values.length / columns, columns], values);
  };
  const vector = (name: string) =>
    floats(name, [weight(weights, name).values.length], weight(weights, name).values);

  const op = (
    type: string,
    inputs: readonly string[],
    attributes: onnx.IAttributeProto[] = [],
    outputCount = 1,
  ) => {
    const outputs = Array.from({ length: outputCount }, () => fresh(type));
    nodes.push({ opType: type, input: [...inputs], output: outputs, attribute: attributes });
    return outputs;
  };
  const one = (type: string, inputs: readonly string[], attributes?: onnx.IAttributeProto[]) =>
    op(type, inputs, attributes)[0] as string;
  const ints = (name: string, values: number[]): onnx.IAttributeProto => ({
    name,
    type: AttributeProto.AttributeType.INTS,
    ints: values,
  });
  const int = (name: string, value: number): onnx.IAttributeProto => ({
    name,
    type: AttributeProto.AttributeType.INT,
    i: value,
  });

  const dense = (input: string, kernel: string, bias: string) =>
    one('Add', [one('MatMul', [input, matrix(kernel)]), vector(bias)]);
  const layerNorm = (input: string, prefix: string) =>
    one(
      'LayerNormalization',
      [
        input,
        vector(`${prefix}/layer_norm/layer_norm_scale/ConcatPartitions/concat`),
        vector(`${prefix}/layer_norm/layer_norm_bias/ConcatPartitions/concat`),
      ],
      [
        int('axis', -1),
        { name: 'epsilon', type: AttributeProto.AttributeType.FLOAT, f: LAYER_NORM_EPSILON },
      ],
    );

  /** Multi-head self-attention over [tokens, width], as the published graph computes it. */
  const attention = (input: string, layer: number, width: number) => {
    const headWidth = width / HEADS;
    const prefix = `${ENCODE}/Layer_${layer}/TransformerLayer/MultiheadAttention`;
    const qkv = dense(
      input,
      `${KERNELS}/Layer_${layer}/TransformerLayer/MultiheadAttention/qkv_transform_single/kernel/part_0`,
      `${prefix}/qkv_transform_single/bias/ConcatPartitions/concat`,
    );
    const [query, key, value] = op(
      'Split',
      [qkv, int64s([width, width, width])],
      [int('axis', 1)],
      3,
    ) as [string, string, string];
    const heads = (tensor: string, perm: number[]) =>
      one(
        'Transpose',
        [one('Reshape', [tensor, int64s([-1, HEADS, headWidth])])],
        [ints('perm', perm)],
      );
    const scale = weight(
      weights,
      `${ENCODE}/TransformerStack/Layer_${layer}/TransformerLayer/MultiheadAttention/mul/y`,
    );
    const scaledQuery = one('Mul', [heads(query, [1, 0, 2]), scalar(scale.values[0] ?? 0)]);
    const logits = one('MatMul', [scaledQuery, heads(key, [1, 2, 0])]);
    const attended = one('MatMul', [
      one('Softmax', [logits], [int('axis', -1)]),
      heads(value, [1, 0, 2]),
    ]);
    const combined = one('Reshape', [
      one('Transpose', [attended], [ints('perm', [1, 0, 2])]),
      int64s([-1, width]),
    ]);
    return dense(
      combined,
      `${KERNELS}/Layer_${layer}/TransformerLayer/MultiheadAttention/output_transform_single/kernel/part_0`,
      `${prefix}/output_transform_single/bias/ConcatPartitions/concat`,
    );
  };

  const feedForward = (input: string, layer: number) => {
    const prefix = `${ENCODE}/Layer_${layer}/TransformerLayer/FFN`;
    const stack = `${ENCODE}/TransformerStack/Layer_${layer}/TransformerLayer/FFN`;
    const hidden = one('Relu', [
      dense(
        layerNorm(input, `${prefix}/layer_prepostprocess`),
        `${stack}/conv1/Tensordot/Reshape_1`,
        `${prefix}/conv1/bias/ConcatPartitions/concat`,
      ),
    ]);
    const output = dense(
      hidden,
      `${stack}/conv2/Tensordot/Reshape_1`,
      `${prefix}/conv2/bias/ConcatPartitions/concat`,
    );
    return one('Add', [output, input]);
  };

  // Layer 0 widens the residual stream from 256 to 512 with a dense projection of its input.
  const layer0 = `${ENCODE}/Layer_0/TransformerLayer`;
  const residual0 = dense(
    USE_LITE_INPUT,
    `${layer0}/dense/kernel/ConcatPartitions/concat`,
    `${layer0}/dense/bias/ConcatPartitions/concat`,
  );
  const attended0 = one('Add', [
    attention(layerNorm(USE_LITE_INPUT, `${layer0}/layer_prepostprocess`), 0, TOKEN_EMBEDDING_SIZE),
    residual0,
  ]);
  const out0 = feedForward(attended0, 0);
  const layer1 = `${ENCODE}/Layer_1/TransformerLayer`;
  const attended1 = one('Add', [
    attention(layerNorm(out0, `${layer1}/layer_prepostprocess`), 1, 512),
    out0,
  ]);
  const out1 = feedForward(attended1, 1);

  const pooled = one('ReduceMean', [out1], [ints('axes', [0]), int('keepdims', 1)]);
  const hidden = one('Tanh', [
    dense(
      pooled,
      'module/Encoder_en/hidden_layers/tanh_layer_0/weights',
      'module/Encoder_en/hidden_layers/tanh_layer_0/bias',
    ),
  ]);
  const squaredNorm = one('ReduceSumSquare', [hidden], [ints('axes', [1]), int('keepdims', 1)]);
  const norm = one('Sqrt', [one('Max', [squaredNorm, scalar(NORM_FLOOR)])]);
  nodes.push({ opType: 'Div', input: [hidden, norm], output: [USE_LITE_OUTPUT] });

  const tensorType = (name: string, dims: (number | string)[]): onnx.IValueInfoProto => ({
    name,
    type: {
      tensorType: {
        elemType: TensorProto.DataType.FLOAT,
        shape: {
          dim: dims.map((dim) => (typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim })),
        },
      },
    },
  });
  return ModelProto.encode({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'chimera',
    graph: {
      name: 'universal-sentence-encoder-lite',
      node: nodes,
      initializer: initializers,
      input: [tensorType(USE_LITE_INPUT, ['tokens', TOKEN_EMBEDDING_SIZE])],
      output: [tensorType(USE_LITE_OUTPUT, [1, 512])],
    },
  }).finish();
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
