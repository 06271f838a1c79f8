import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { bearerToken, Public, secretsEqual } from '@answergate/auth';
import { ApiErrorResponses, AppConfig, AuthenticationError, Metrics } from '@answergate/common';

/** Prometheus text. Open like the probes, unless `METRICS_TOKEN` is set. */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics (Bearer METRICS_TOKEN when configured)',
  })
  @ApiOkResponse({ content: { 'text/plain': { example: 'answergate_active_sse_streams 3' } } })
  @ApiErrorResponses(401)
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    const token = this.config.metricsToken;
    if (token) {
      if (!secretsEqual(bearerToken(authorization) ?? '', token)) {
        throw new AuthenticationError('Metrics need "Authorization: Bearer <METRICS_TOKEN>".');
      }
    }
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
