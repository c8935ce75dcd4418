// Model-backed sensitive-topic classifier (FR-POLICY-001): a category is raised when the domain's
// keyword lexicon flags it or its topic head (logistic, over Universal Sentence Encoder
// embeddings, trained on the tuning posts) gives it some probability, so a post about a sensitive
// matter in words the lexicon lacks is looked at; three small networks over the same embedding
// and the lexicon's findings (its flags and the everyday senses its rules found) then decide
// whether a post with raised categories is sensitive, so a sensitive word in an everyday sense
// ("vote for best tacos", "legal thriller") is set aside.

import type { PolicyFinding } from '../../domain/judge-routing.js';
import {
  classifySensitiveTopics,
  SENSITIVE_CATEGORIES,
  type SensitiveCategory,
  type SensitiveTopicsResult,
} from '../../domain/policies/sensitive-topics.js';
import { decodeHeads, type LogisticModel, logisticProbability } from './logistic-regression.js';
import { SENSITIVE_TOPIC_HEADS } from './sensitive-topics-heads.js';
import { sensitivityFeatures, topicFeatures } from './sensitive-topics-training.js';
import { SENSITIVITY_NETWORKS } from './sensitivity-networks.js';
import {
  decodeSoftmaxNetwork,
  meanSoftmaxProbabilities,
  type SoftmaxNetwork,
} from './softmax-network.js';

/**
 * A head raises its category at or above this probability. Chosen with `SENSITIVITY_BAR` by
 * leaving one writer's set out at a time (10 sets of the 2,926 tuning posts; 2026-12-02): the
 * most sensitive posts found with no more false alarms than before. Deciding alone, with no head
 * raising a category first, the networks found as many sensitive posts, but also short friendly
 * replies to comments ("This means a lot, thank you for being here!": 0.50), which no tuning set
 * had then; the heads give those 0.11 at most. With replies and short captions among the tuning
 * posts, networks deciding alone still asked about 75 of their 300 plain posts by
 * cross-validation, against 25 with this gate (before the networks read the everyday senses).
 */
export const TOPIC_MODEL_THRESHOLD = 0.15;

/**
 * A post with a raised category is sensitive when the networks' mean probability reaches this.
 * Against the logistic verifier the networks replaced (heads raising at 0.3, the verifier's bar
 * 0.15): sensitive posts found 952 to 985 of 1,010, tricky false alarms 320 to 307 of 1,228,
 * plain ones 5 to 9 of 266. Kept when the networks began reading the everyday senses, by the same
 * cross-validation with replies and short captions (14 folds): found 1,174 to 1,175 of 1,210,
 * tricky false alarms 346 to 307 of 1,328, plain 36 to 29 of 566.
 */
export const SENSITIVITY_BAR = 0.04;

/** What the model-backed classifier decided about one text. */
export interface ModelSensitiveTopicsResult extends SensitiveTopicsResult {
  /** Per category, the topic head's probability. */
  probabilities: Record<SensitiveCategory, number>;
  /** Flagged categories the lexicon found no word for: only the model saw them. */
  modelOnly: SensitiveCategory[];
  /**
   * The networks' mean probability that the post is sensitive; null when no category was raised
   * (nothing to decide) and for a blank text.
   */
  sensitivity: number | null;
}

/** A topic head per category and the networks that decide: the committed ones, or a fold's. */
export interface SensitivityModels {
  heads: Readonly<Record<SensitiveCategory, LogisticModel>>;
  networks: readonly SoftmaxNetwork[];
}

/** The committed heads and networks, decoded once. */
const committed: SensitivityModels = {
  heads: decodeHeads(SENSITIVE_TOPIC_HEADS, SENSITIVE_CATEGORIES),
  networks: SENSITIVITY_NETWORKS.map(decodeSoftmaxNetwork),
};

/** The decoded heads the classifier uses (for tests and for explaining a decision). */
export function sensitiveTopicHeads(): Readonly<Record<SensitiveCategory, LogisticModel>> {
  return committed.heads;
}

/** The decoded networks the classifier uses (for tests). */
export function sensitivityNetworks(): readonly SoftmaxNetwork[] {
  return committed.networks;
}

/** The networks' input for a non-blank `text`: what they are trained on and judge. */
export async function sensitivityInput(text: string): Promise<number[]> {
  return sensitivityFeatures(await topicFeatures(text), classifySensitiveTopics(text));
}

/** What `models` decide about a post from its topic features and the lexicon's findings. */
export interface SensitivityDecision {
  probabilities: Record<SensitiveCategory, number>;
  /** The categories flagged: those raised, when the networks reach `SENSITIVITY_BAR`. */
  categories: SensitiveCategory[];
  /** The networks' mean probability; null when no category was raised. */
  sensitivity: number | null;
}

/**
 * The categories the lexicon flags or whose head reaches `TOPIC_MODEL_THRESHOLD` are raised, and
 * flagged when the networks give the post `SENSITIVITY_BAR` or more. Pure: the classifier applies
 * it with the committed models, cross-validation with each fold's.
 */
export function decideSensitivity(
  models: SensitivityModels,
  features: readonly number[],
  lexicon: Pick<SensitiveTopicsResult, 'categories' | 'everydaySenses'>,
): SensitivityDecision {
  const probabilities = { politics: 0, health: 0, finance: 0, legal: 0 };
  for (const category of SENSITIVE_CATEGORIES) {
    probabilities[category] = logisticProbability(models.heads[category], features);
  }
  const raised = SENSITIVE_CATEGORIES.filter(
    (category) =>
      lexicon.categories.includes(category) || probabilities[category] >= TOPIC_MODEL_THRESHOLD,
  );
  const sensitivity =
    raised.length > 0
      ? (meanSoftmaxProbabilities(models.networks, sensitivityFeatures(features, lexicon))[1] ?? 0)
      : null;
  const categories = sensitivity !== null && sensitivity >= SENSITIVITY_BAR ? raised : [];
  return { probabilities, categories, sensitivity };
}

/**
 * Classifies a post by `decideSensitivity` with the committed heads and networks. Evidence stays
 * the lexicon's words; a category only its head raised has none and is listed in `modelOnly`.
 * Costs one sentence embedding (a few ms, cached by text) after a one-off model load of under a
 * second.
 */
export async function classifySensitiveTopicsWithModel(
  text: string,
): Promise<ModelSensitiveTopicsResult> {
  const lexicon = classifySensitiveTopics(text);
  if (text.trim() === '') {
    const probabilities = { politics: 0, health: 0, finance: 0, legal: 0 };
    return { ...lexicon, probabilities, modelOnly: [], sensitivity: null };
  }
  const { probabilities, categories, sensitivity } = decideSensitivity(
    committed,
    await topicFeatures(text),
    lexicon,
  );
  return {
    ...lexicon,
    sensitive: categories.length > 0,
    categories,
    probabilities,
    modelOnly: categories.filter((category) => !lexicon.categories.includes(category)),
    sensitivity,
  };
}

/**
 * The findings for a classified post: one `escalate` finding per flagged category, quoting the
 * lexicon's words, e.g. `sensitive topic (health): mentions "vaccine"`, or the model's probability
 * when only it saw the topic, e.g. `sensitive topic (finance): topic model 0.81, no listed word`.
 */
export function sensitiveTopicFindings(result: ModelSensitiveTopicsResult): PolicyFinding[] {
  return result.categories.map((category) => ({
    policy: 'sensitive-topics',
    action: 'escalate',
    reason: result.modelOnly.includes(category)
      ? `sensitive topic (${category}): topic model ${result.probabilities[category].toFixed(2)}, no listed word`
      : `sensitive topic (${category}): mentions ${result.evidence[category]
          .map((word) => `"${word}"`)
          .join(', ')}`,
  }));
}

/** Classifies a post and returns its findings (see `sensitiveTopicFindings`). */
export async function sensitiveTopicsModelFindings(text: string): Promise<PolicyFinding[]> {
  return sensitiveTopicFindings(await classifySensitiveTopicsWithModel(text));
}
