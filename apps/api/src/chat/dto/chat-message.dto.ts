import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsMessageContent } from './is-message-content.validator';

export class ChatMessageDto {
  @ApiProperty({
    enum: ['system', 'developer', 'user', 'assistant'],
    example: 'user',
    description: '`developer` (newer OpenAI clients) is a system message.',
  })
  @IsIn(['system', 'developer', 'user', 'assistant'], {
    message: 'role must be system, developer, user or assistant',
  })
  role!: 'system' | 'developer' | 'user' | 'assistant';

  @ApiProperty({
    oneOf: [
      { type: 'string' },
      {
        type: 'array',
        items: {
          type: 'object',
          properties: { type: { type: 'string', enum: ['text'] }, text: { type: 'string' } },
        },
      },
    ],
    example: 'How do I configure the search cache?',
  })
  @IsMessageContent()
  content!: string | Array<{ type: 'text'; text: string }>;
}
