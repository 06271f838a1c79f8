import { ApiProperty } from '@nestjs/swagger';
import { AssistantMessageDto } from './assistant-message.dto';

export class CompletionChoiceDto {
  @ApiProperty({ example: 0 })
  index!: number;

  @ApiProperty({ type: AssistantMessageDto })
  message!: AssistantMessageDto;

  @ApiProperty({ example: 'stop', enum: ['stop', 'length'] })
  finish_reason!: string;

  @ApiProperty({ type: 'null', nullable: true, example: null, description: 'Always null.' })
  logprobs!: null;
}
