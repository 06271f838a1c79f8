import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEME } from './api-key-scheme';
import { uniqueOperationIds, withoutDtoSuffix } from './document-names';

/** Serves the explorer at `/docs` and the OpenAPI JSON at `/docs-json`. */
export function setupSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Answergate')
      .setDescription(
        'Self-hosted answer engine: OpenAI-compatible chat completions answered from search, ' +
          'with numbered citations. Errors use OpenAI\'s envelope `{"error":{"message","type","param","code"}}`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'API key',
          description:
            'One of the keys in API_KEYS / API_KEYS_FILE (or the key printed at startup).',
        },
        API_KEY_SCHEME,
      )
      .build(),
  );
  SwaggerModule.setup('docs', app, uniqueOperationIds(withoutDtoSuffix(document)), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
