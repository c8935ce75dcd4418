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
