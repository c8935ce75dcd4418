// Binary logistic regression trained by plain full-batch gradient descent from zero weights, so the
// same data and settings always give the same weights. It knows nothing about text.

/** A trained binary logistic model: P(yes | x) = sigmoid(weights · x + bias). */
export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

/** Training settings. */
export interface LogisticTraining {
  /** L2 penalty on the weights (not the bias). */
  l2: number;
  /** Gradient descent steps over the whole data set. */
  iterations: number;
  /** Step size. */
  learningRate: number;
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

function dot(weights: Float64Array, features: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < weights.length; index++) {
    sum += (weights[index] ?? 0) * (features[index] ?? 0);
  }
  return sum;
}

/** Probability of the positive class for one feature vector. */
export function logisticProbability(model: LogisticModel, features: ArrayLike<number>): number {
  return sigmoid(dot(model.weights, features) + model.bias);
}

/**
 * Fits a model minimising mean log loss plus `l2 / 2 · |weights|²`. `rows` are the feature vectors
 * (all of one length) and `targets` the matching 0/1 labels.
 */
export function trainLogisticModel(
  rows: readonly ArrayLike<number>[],
  targets: readonly number[],
  training: LogisticTraining,
): LogisticModel {
  if (rows.length === 0 || rows.length !== targets.length) {
    throw new Error(
      `need matching, non-empty rows and targets (${rows.length}, ${targets.length})`,
    );
  }
  const size = rows[0]?.length ?? 0;
  const data = rows.map((row) => Float64Array.from(row));
  const weights = new Float64Array(size);
  const gradient = new Float64Array(size);
  let bias = 0;
  for (let step = 0; step < training.iterations; step++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let index = 0; index < data.length; index++) {
      const row = data[index] ?? gradient;
      const error = sigmoid(dot(weights, row) + bias) - (targets[index] ?? 0);
      biasGradient += error;
      for (let feature = 0; feature < size; feature++) {
        gradient[feature] = (gradient[feature] ?? 0) + error * (row[feature] ?? 0);
      }
    }
    for (let feature = 0; feature < size; feature++) {
      const weight = weights[feature] ?? 0;
      const step = (gradient[feature] ?? 0) / data.length + training.l2 * weight;
      weights[feature] = weight - training.learningRate * step;
    }
    bias -= (training.learningRate * biasGradient) / data.length;
  }
  return { weights, bias };
}

/** A model as a generated file commits it: its weights little-endian float32, base64. */
export interface EncodedModel {
  bias: number;
  weights: string;
}

/**
 * The object-literal entries a generated file writes for named heads, in `names` order, e.g.
 * `  positive: { bias: …, weights: '…' },` (one property a line).
 */
export function encodedHeadsSource<Name extends string>(
  heads: Readonly<Record<Name, LogisticModel>>,
  names: readonly Name[],
): string {
  return names
    .map((name) => {
      const { bias, weights } = heads[name];
      const encoded = Buffer.from(Float32Array.from(weights).buffer).toString('base64');
      return `  ${name}: {\n    bias: ${bias},\n    weights:\n      '${encoded}',\n  },`;
    })
    .join('\n');
}

/** Named heads as committed by `encodedHeadsSource`, decoded. */
export function decodeHeads<Name extends string>(
  encoded: Readonly<Record<Name, EncodedModel>>,
  names: readonly Name[],
): Record<Name, LogisticModel> {
  const heads = {} as Record<Name, LogisticModel>;
  for (const name of names) {
    const bytes = Buffer.from(encoded[name].weights, 'base64');
    const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    heads[name] = { bias: encoded[name].bias, weights: Float64Array.from(floats) };
  }
  return heads;
}

/**
 * The largest difference between two models' weights, relative to the weight (at least 1): about
 * 6e-8 when one is the other stored as float32, more when they come from different trainings.
 */
export function largestWeightDifference(left: LogisticModel, right: LogisticModel): number {
  let largest = left.weights.length === right.weights.length ? 0 : Number.POSITIVE_INFINITY;
  left.weights.forEach((weight, index) => {
    const difference = Math.abs(weight - (right.weights[index] ?? Number.NaN));
    largest = Math.max(largest, difference / Math.max(1, Math.abs(weight)));
  });
  return largest;
}
