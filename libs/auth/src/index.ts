export { ApiKeyStore } from './api-key.store';
export { AuthHealthIndicator } from './auth.health';
export { AuthModule } from './auth.module';
export { bearerToken, secretsEqual } from './bearer-token';
export { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard';
export { keyFingerprint } from './key-fingerprint';
export { isPublicRoute } from './is-public-route';
export { IS_PUBLIC_KEY, Public } from './public.decorator';
