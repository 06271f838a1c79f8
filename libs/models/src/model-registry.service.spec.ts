import { describe, expect, it } from '@jest/globals';
import { AppError, loadAppConfig } from '@answergate/common';
import { ModelRegistry } from './model-registry.service';

describe('ModelRegistry', () => {
  it('always offers default, sonar, sonar-pro and sonar-deep-research with their profiles', () => {
    const registry = new ModelRegistry(loadAppConfig({ LLM_MODEL: 'llama3.1' }));
    expect(registry.list().map((m) => [m.id, m.search, m.upstreamModel])).toEqual([
      ['default', 'normal', 'llama3.1'],
      ['sonar', 'normal', 'llama3.1'],
      ['sonar-pro', 'pro', 'llama3.1'],
      ['sonar-deep-research', 'deep-research', 'llama3.1'],
    ]);
  });

  it('adds and overrides models from MODELS', () => {
    const registry = new ModelRegistry(
      loadAppConfig({
        MODELS: JSON.stringify([
          { id: 'fast', upstreamModel: 'qwen2.5:3b' },
          { id: 'default', search: 'pro' },
        ]),
      }),
    );
    expect(registry.get('fast')).toMatchObject({ search: 'normal', upstreamModel: 'qwen2.5:3b' });
    expect(registry.get('default').search).toBe('pro');
    expect(registry.list()).toHaveLength(5);
  });

  it('answers an unknown id with 404 model_not_found', () => {
    const registry = new ModelRegistry(loadAppConfig({}));
    expect(registry.find('gpt-9')).toBeUndefined();
    try {
      registry.get('gpt-9', 'model');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    }
  });
});
