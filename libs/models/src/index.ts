export type { ModelProfile, SearchProfile } from './model-profile';
export { ModelRegistry, OWNED_BY } from './model-registry.service';
export { ModelsModule } from './models.module';
