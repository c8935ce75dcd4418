// The offline model, keeping the prompts it was given, for tests that check what a skill asked.

import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { OfflineLanguageModel } from '../../src/models/offline/offline-language-model.js';

export class RecordingModel extends OfflineLanguageModel {
  readonly prompts: string[] = [];
  override async doGenerate(options: LanguageModelV3CallOptions) {
    this.prompts.push(JSON.stringify(options.prompt));
    return super.doGenerate(options);
  }
}
