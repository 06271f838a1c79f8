import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { bearer, startTestApp } from './support/test-app';

describe('LOCAL_INDEX_BASE_URL', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await startTestApp({
      LOCAL_INDEX_DIR: 'docs',
      LOCAL_INDEX_BASE_URL: 'https://github.com/acme/answergate/blob/main/docs',
    });
  }, 60_000);
  afterAll(() => app.close());

  it('turns the citations of local documents into links under the published address', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/chat/completions')
      .set(bearer())
      .send({
        model: 'sonar',
        messages: [{ role: 'user', content: 'How long are search results cached?' }],
      })
      .expect(200);
    expect(res.body.citations.length).toBeGreaterThan(0);
    for (const url of res.body.citations) {
      expect(url).toMatch(
        /^https:\/\/github\.com\/acme\/answergate\/blob\/main\/docs\/[\w-]+\.md$/,
      );
    }
  });
});
