// Picks the text model at start-up from CHIMERA_MODEL: the offline writer by default, or a hosted
// provider through the AI SDK ('openai:gpt-4o-mini', 'anthropic:claude-sonnet-4-5',
// 'openai-compatible:llama3.1' with CHIMERA_MODEL_BASE_URL). Their API keys come from the
// configuration (OPENAI_API_KEY, ANTHROPIC_API_KEY, CHIMERA_MODEL_API_KEY), which refuses a hosted
// model without its key at start-up.

import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { ConfigError } from '../domain/errors.js';
import { OfflineLanguageModel, type OfflineWriter } from './offline/offline-language-model.js';

/** The providers CHIMERA_MODEL may name. */
export const MODEL_PROVIDERS = ['offline', 'openai', 'anthropic', 'openai-compatible'] as const;

/** Builds the configured model; `writers` serve the offline model. */
export function createLanguageModel(
  settings: {
    model: string;
    modelBaseUrl?: string | undefined;
    openaiApiKey?: string | undefined;
    anthropicApiKey?: string | undefined;
    modelApiKey?: string | undefined;
  },
  writers: Record<string, OfflineWriter>,
): LanguageModel {
  if (settings.model === 'offline') return new OfflineLanguageModel(writers);
  const [provider, ...rest] = settings.model.split(':');
  const modelId = rest.join(':');
  if (!modelId) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `CHIMERA_MODEL '${settings.model}' needs a model id: write '<provider>:<model>', e.g. 'openai:gpt-4o-mini', or 'offline'`,
    );
  }
  if (provider === 'openai') return createOpenAI({ apiKey: settings.openaiApiKey })(modelId);
  if (provider === 'anthropic')
    return createAnthropic({ apiKey: settings.anthropicApiKey })(modelId);
  if (provider === 'openai-compatible') {
    if (!settings.modelBaseUrl) {
      throw new ConfigError(
        'CONFIG_INVALID',
        `CHIMERA_MODEL '${settings.model}' needs CHIMERA_MODEL_BASE_URL, e.g. http://127.0.0.1:11434/v1 for Ollama`,
      );
    }
    return createOpenAICompatible({
      name: 'openai-compatible',
      baseURL: settings.modelBaseUrl,
      apiKey: settings.modelApiKey,
    })(modelId);
  }
  throw new ConfigError(
    'CONFIG_INVALID',
    `CHIMERA_MODEL provider '${provider}' is unknown; use one of ${MODEL_PROVIDERS.join(', ')}`,
  );
}
