// A small feed-forward classifier: one hidden layer of rectified linear units and a softmax over
// the classes, trained by mini-batch Adam from a seeded start, so the same data and settings
// always give the same weights. It knows nothing about text.

import { createRandom, type Random } from '../../domain/seeded-random.js';

/** A trained network: `hidden = relu(hiddenWeights · x + hiddenBias)`, then softmax of the output. */
export interface SoftmaxNetwork {
  inputs: number;
  hidden: number;
  classes: number;
  /** `hidden` rows of `inputs` weights. */
  hiddenWeights: Float32Array;
  hiddenBias: Float32Array;
  /** `classes` rows of `hidden` weights. */
  outputWeights: Float32Array;
  outputBias: Float32Array;
}

/** Training settings. */
export interface SoftmaxNetworkTraining {
  /** Hidden units. */
  hidden: number;
  /** Passes over the training rows. */
  epochs: number;
  /** L2 penalty on the weights (not the biases), added to the mean log loss. */
  l2: number;
  /** Adam's step size. */
  learningRate: number;
  /** Rows per gradient step. */
  batchSize: number;
  /** Seeds the starting weights and the order of rows in each epoch. */
  seed: number;
}

/** Weights drawn uniformly within the Glorot bound for a layer of this fan-in and fan-out. */
function glorot(count: number, fanIn: number, fanOut: number, random: Random): Float32Array {
  const bound = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: count }, () => (random() * 2 - 1) * bound);
}

/** The hidden layer's activations for one row, written into `into`. */
function hiddenLayer(network: SoftmaxNetwork, row: ArrayLike<number>, into: Float32Array): void {
  const { inputs, hiddenWeights, hiddenBias } = network;
  for (let unit = 0; unit < network.hidden; unit++) {
    let sum = hiddenBias[unit] ?? 0;
    const offset = unit * inputs;
    for (let input = 0; input < inputs; input++) {
      sum += (hiddenWeights[offset + input] ?? 0) * (row[input] ?? 0);
    }
    into[unit] = sum > 0 ? sum : 0;
  }
}

/** Softmax of the output layer over given hidden activations. */
function outputProbabilities(network: SoftmaxNetwork, hidden: Float32Array): number[] {
  const logits = Array.from({ length: network.classes }, (_, label) => {
    let sum = network.outputBias[label] ?? 0;
    const offset = label * network.hidden;
    for (let unit = 0; unit < network.hidden; unit++) {
      sum += (network.outputWeights[offset + unit] ?? 0) * (hidden[unit] ?? 0);
    }
    return sum;
  });
  const largest = Math.max(...logits);
  const exponentials = logits.map((logit) => Math.exp(logit - largest));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return exponentials.map((value) => value / total);
}

/** The network's probability of each class for one row, in class order (they sum to 1). */
export function softmaxNetworkProbabilities(
  network: SoftmaxNetwork,
  row: ArrayLike<number>,
): number[] {
  const hidden = new Float32Array(network.hidden);
  hiddenLayer(network, row, hidden);
  return outputProbabilities(network, hidden);
}

/**
 * The mean of several networks' probabilities for one row, in class order: networks trained from
 * different seeded starts, averaged, vary less than any one of them.
 */
export function meanSoftmaxProbabilities(
  networks: readonly SoftmaxNetwork[],
  row: ArrayLike<number>,
): number[] {
  const sums = new Array<number>(networks[0]?.classes ?? 0).fill(0);
  for (const network of networks) {
    softmaxNetworkProbabilities(network, row).forEach((probability, label) => {
      sums[label] = (sums[label] ?? 0) + probability;
    });
  }
  return sums.map((sum) => sum / networks.length);
}

/** One parameter array being trained: its values, summed gradient and Adam's running moments. */
interface Parameter {
  values: Float32Array;
  /** Whether the L2 penalty applies (weights, not biases). */
  penalised: boolean;
  gradient: Float32Array;
  firstMoment: Float32Array;
  secondMoment: Float32Array;
}

function parameter(values: Float32Array, penalised: boolean): Parameter {
  const size = values.length;
  return {
    values,
    penalised,
    gradient: new Float32Array(size),
    firstMoment: new Float32Array(size),
    secondMoment: new Float32Array(size),
  };
}

/**
 * Fits a network to `rows` (feature vectors of one length) and `labels` (class indexes from 0 to
 * `classes` − 1), minimising mean log loss plus `l2 / 2 · |weights|²` by mini-batch Adam.
 */
export function trainSoftmaxNetwork(
  rows: readonly ArrayLike<number>[],
  labels: readonly number[],
  classes: number,
  training: SoftmaxNetworkTraining,
): SoftmaxNetwork {
  if (rows.length === 0 || rows.length !== labels.length) {
    throw new Error(`need matching, non-empty rows and labels (${rows.length}, ${labels.length})`);
  }
  const inputs = rows[0]?.length ?? 0;
  const { hidden } = training;
  const random = createRandom(training.seed);
  const network: SoftmaxNetwork = {
    inputs,
    hidden,
    classes,
    hiddenWeights: glorot(hidden * inputs, inputs, hidden, random),
    hiddenBias: new Float32Array(hidden),
    outputWeights: glorot(classes * hidden, hidden, classes, random),
    outputBias: new Float32Array(classes),
  };
  const hiddenWeights = parameter(network.hiddenWeights, true);
  const hiddenBias = parameter(network.hiddenBias, false);
  const outputWeights = parameter(network.outputWeights, true);
  const outputBias = parameter(network.outputBias, false);
  const parameters = [hiddenWeights, hiddenBias, outputWeights, outputBias];
  const hiddenWeightGradient = hiddenWeights.gradient;
  const hiddenBiasGradient = hiddenBias.gradient;
  const outputWeightGradient = outputWeights.gradient;
  const outputBiasGradient = outputBias.gradient;
  const activations = new Float32Array(hidden);
  const hiddenError = new Float32Array(hidden);
  // Rows copied into typed arrays once: the same values, but training reads them about twice as
  // fast as arrays built piecemeal (sentence embeddings spread next to cue features).
  const data = rows.map((row) => Float64Array.from(row));
  const order = rows.map((_, index) => index);
  let step = 0;

  for (let epoch = 0; epoch < training.epochs; epoch++) {
    shuffle(order, random);
    for (let start = 0; start < order.length; start += training.batchSize) {
      const batch = order.slice(start, start + training.batchSize);
      for (const { gradient } of parameters) gradient.fill(0);
      for (const index of batch) {
        const row = data[index] as Float64Array;
        hiddenLayer(network, row, activations);
        const probabilities = outputProbabilities(network, activations);
        hiddenError.fill(0);
        for (let label = 0; label < classes; label++) {
          const error = (probabilities[label] ?? 0) - (labels[index] === label ? 1 : 0);
          outputBiasGradient[label] = (outputBiasGradient[label] ?? 0) + error;
          const offset = label * hidden;
          for (let unit = 0; unit < hidden; unit++) {
            outputWeightGradient[offset + unit] =
              (outputWeightGradient[offset + unit] ?? 0) + error * (activations[unit] ?? 0);
            hiddenError[unit] =
              (hiddenError[unit] ?? 0) + error * (network.outputWeights[offset + unit] ?? 0);
          }
        }
        for (let unit = 0; unit < hidden; unit++) {
          if ((activations[unit] ?? 0) <= 0) continue;
          const error = hiddenError[unit] ?? 0;
          hiddenBiasGradient[unit] = (hiddenBiasGradient[unit] ?? 0) + error;
          const offset = unit * inputs;
          for (let input = 0; input < inputs; input++) {
            hiddenWeightGradient[offset + input] =
              (hiddenWeightGradient[offset + input] ?? 0) + error * (row[input] ?? 0);
          }
        }
      }
      step++;
      for (const each of parameters) {
        adamStep(each, {
          scale: 1 / batch.length,
          l2: each.penalised ? training.l2 : 0,
          learningRate: training.learningRate,
          step,
        });
      }
    }
  }
  return network;
}

/** Fisher–Yates, in place, with the seeded generator. */
function shuffle(values: number[], random: Random): void {
  for (let index = values.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const value = values[index] ?? 0;
    values[index] = values[other] ?? 0;
    values[other] = value;
  }
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** One Adam update of a parameter from its summed gradient (times `scale`) plus the L2 term. */
function adamStep(
  { values, gradient, firstMoment, secondMoment }: Parameter,
  settings: { scale: number; l2: number; learningRate: number; step: number },
): void {
  const firstCorrection = 1 - BETA1 ** settings.step;
  const secondCorrection = 1 - BETA2 ** settings.step;
  const { scale, l2, learningRate } = settings;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? 0;
    const slope = (gradient[index] ?? 0) * scale + l2 * value;
    const first = BETA1 * (firstMoment[index] ?? 0) + (1 - BETA1) * slope;
    const second = BETA2 * (secondMoment[index] ?? 0) + (1 - BETA2) * slope * slope;
    firstMoment[index] = first;
    secondMoment[index] = second;
    values[index] =
      value -
      (learningRate * (first / firstCorrection)) / (Math.sqrt(second / secondCorrection) + EPSILON);
  }
}

/** A network as a generated file commits it: its sizes and every parameter, float32 base64. */
export interface EncodedSoftmaxNetwork {
  inputs: number;
  hidden: number;
  classes: number;
  /** Hidden weights, hidden bias, output weights, output bias, in that order. */
  parameters: string;
}

/** Encodes a network for a generated file. */
export function encodeSoftmaxNetwork(network: SoftmaxNetwork): EncodedSoftmaxNetwork {
  const all = new Float32Array(
    network.hiddenWeights.length +
      network.hiddenBias.length +
      network.outputWeights.length +
      network.outputBias.length,
  );
  let offset = 0;
  for (const part of [
    network.hiddenWeights,
    network.hiddenBias,
    network.outputWeights,
    network.outputBias,
  ]) {
    all.set(part, offset);
    offset += part.length;
  }
  return {
    inputs: network.inputs,
    hidden: network.hidden,
    classes: network.classes,
    parameters: Buffer.from(all.buffer).toString('base64'),
  };
}

/** The entries of a generated file's array of encoded networks, one object literal each. */
export function encodedNetworksSource(networks: readonly EncodedSoftmaxNetwork[]): string {
  return networks
    .map(
      (network) =>
        `  {\n    inputs: ${network.inputs},\n    hidden: ${network.hidden},\n    classes: ${network.classes},\n    parameters:\n      '${network.parameters}',\n  },`,
    )
    .join('\n');
}

/** A network as `encodeSoftmaxNetwork` wrote it. */
export function decodeSoftmaxNetwork(encoded: EncodedSoftmaxNetwork): SoftmaxNetwork {
  const bytes = Buffer.from(encoded.parameters, 'base64');
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
  const { inputs, hidden, classes } = encoded;
  const sizes = [hidden * inputs, hidden, classes * hidden, classes];
  if (sizes.reduce((sum, size) => sum + size, 0) !== all.length) {
    throw new Error(`expected ${sizes.join(' + ')} parameters, found ${all.length}`);
  }
  let offset = 0;
  const [hiddenWeights, hiddenBias, outputWeights, outputBias] = sizes.map((size) => {
    const part = all.subarray(offset, offset + size);
    offset += size;
    return part;
  }) as [Float32Array, Float32Array, Float32Array, Float32Array];
  return { inputs, hidden, classes, hiddenWeights, hiddenBias, outputWeights, outputBias };
}
