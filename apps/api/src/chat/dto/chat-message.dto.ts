import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsMessageContent } from './is-message-content.validator';

export class ChatMessageDto {
  @ApiProperty({ enum: ['system', 'user', 'assistant'], example: 'user' })
  @IsIn(['system', 'user', 'assistant'], { message: 'role must be system, user or assistant' })
  role!: 'system' | 'user' | 'assistant';

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
