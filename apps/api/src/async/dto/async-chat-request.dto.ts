import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ChatCompletionRequestDto } from '../../chat/dto/chat-completion-request.dto';

/** Perplexity's async request: a chat completion request to run later. */
export class AsyncChatRequestDto {
  @ApiProperty({
    type: ChatCompletionRequestDto,
    description: 'A chat completion request (any model; `stream` must not be true).',
    example: {
      model: 'sonar-deep-research',
      messages: [{ role: 'user', content: 'How does Answergate cite its sources?' }],
      reasoning_effort: 'low',
    },
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => ChatCompletionRequestDto)
  request!: ChatCompletionRequestDto;

  @ApiPropertyOptional({
    maxLength: 256,
    description: 'Sending the same key again returns the job it created instead of a new one.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  idempotency_key?: string;
}
