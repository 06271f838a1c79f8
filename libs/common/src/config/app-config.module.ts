import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';
import { loadAppConfig, type RawEnvironment } from './load-app-config';

const CONFIG_NAMESPACE = 'app';

/**
 * Loads and validates configuration once at boot and provides it as `AppConfig`.
 * `environment` replaces the process environment (tests start apps with their own).
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(environment?: RawEnvironment): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: environment !== undefined,
          load: [() => ({ [CONFIG_NAMESPACE]: loadAppConfig(environment ?? process.env) })],
        }),
      ],
      providers: [
        {
          provide: AppConfig,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => config.getOrThrow<AppConfig>(CONFIG_NAMESPACE),
        },
      ],
      exports: [AppConfig],
    };
  }
}
