import { Injectable } from '@nestjs/common';
import { AppConfig, NotFoundError } from '@answergate/common';
import { BUILT_IN_CREATED, BUILT_IN_MODELS } from './built-in-models';
import type { ModelProfile } from './model-profile';

export const OWNED_BY = 'answergate';

/**
 * The models this deployment offers, keyed by id. The completion pipeline looks a
 * request's `model` up here to learn how to search and which upstream model to call.
 */
@Injectable()
export class ModelRegistry {
  private readonly models = new Map<string, ModelProfile>();

  constructor(config: AppConfig) {
    for (const model of BUILT_IN_MODELS) {
      const upstreamModel = model.reasoning ? config.llmReasoningModel : config.llmModel;
      this.add({ ...model, upstreamModel });
    }
    for (const entry of config.models) {
      const base = this.models.get(entry.id);
      this.add({
        id: entry.id,
        search: entry.search ?? base?.search ?? 'normal',
        reasoning: base?.reasoning ?? false,
        upstreamModel: entry.upstreamModel ?? base?.upstreamModel ?? config.llmModel,
        description: entry.description ?? base?.description ?? `Configured model ${entry.id}.`,
      });
    }
  }

  list(): ModelProfile[] {
    return [...this.models.values()];
  }

  find(id: string): ModelProfile | undefined {
    return this.models.get(id);
  }

  /** Like `find`, but an unknown id is the caller's error: 404 `model_not_found`. */
  get(id: string, param: string | null = null): ModelProfile {
    const model = this.models.get(id);
    if (!model) {
      throw new NotFoundError(
        `The model '${id}' does not exist. GET /v1/models lists the models on this server.`,
        'model_not_found',
        param,
      );
    }
    return model;
  }

  private add(model: Omit<ModelProfile, 'created' | 'ownedBy'>): void {
    this.models.set(model.id, { ...model, created: BUILT_IN_CREATED, ownedBy: OWNED_BY });
  }
}
