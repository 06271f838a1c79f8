import { AppError } from './app-error';

/** 503: the service cannot answer now (not configured, draining, backend down). */
export class ServiceUnavailableError extends AppError {
  constructor(message: string, code = 'service_unavailable', headers: Record<string, string> = {}) {
    super(503, 'server_error', code, message, { headers });
  }
}
