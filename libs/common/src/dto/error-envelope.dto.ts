import { ApiProperty } from '@nestjs/swagger';

class ErrorBodyDto {
  @ApiProperty({ example: 'Incorrect API key provided.' })
  message!: string;

  @ApiProperty({ example: 'invalid_request_error' })
  type!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  param!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'invalid_api_key' })
  code!: string | null;
}

/** Swagger's view of OpenAI's error envelope, shared by every route's error responses. */
export class ErrorEnvelopeDto {
  @ApiProperty({ type: ErrorBodyDto })
  error!: ErrorBodyDto;
}
