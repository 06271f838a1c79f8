import { describe, expect, it } from '@jest/globals';
import { AppError, loadAppConfig } from '@answergate/common';
import { ModelRegistry } from './model-registry.service';

describe('ModelRegistry', () => {
  it("always offers default and Sonar's five models with their profiles", () => {
    const registry = new ModelRegistry(loadAppConfig({ LLM_MODEL: 'llama3.1' }));
    expect(registry.list().map((m) => [m.id, m.search, m.reasoning, m.upstreamModel])).toEqual([
      ['default', 'normal', false, 'llama3.1'],
      ['sonar', 'normal', false, 'llama3.1'],
      ['sonar-pro', 'pro', false, 'llama3.1'],
      ['sonar-reasoning', 'normal', true, 'llama3.1'],
      ['sonar-reasoning-pro', 'pro', true, 'llama3.1'],
      ['sonar-deep-research', 'research', true, 'llama3.1'],
    ]);
  });

  it('sends the reasoning models to LLM_REASONING_MODEL', () => {
    const registry = new ModelRegistry(
      loadAppConfig({ LLM_MODEL: 'llama3.1', LLM_REASONING_MODEL: 'deepseek-r1' }),
    );
    expect(registry.get('sonar').upstreamModel).toBe('llama3.1');
    expect(registry.get('sonar-reasoning').upstreamModel).toBe('deepseek-r1');
    expect(registry.get('sonar-reasoning-pro').upstreamModel).toBe('deepseek-r1');
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
    expect(registry.list()).toHaveLength(7);
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
