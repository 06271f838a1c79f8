import { ApiProperty } from '@nestjs/swagger';
import type { ModelProfile } from '@answergate/models';

/** One model in OpenAI's shape. */
export class ModelDto {
  @ApiProperty({ example: 'sonar-pro' })
  id!: string;

  @ApiProperty({ enum: ['model'], example: 'model' })
  object!: 'model';

  @ApiProperty({ description: 'Unix seconds', example: 1767225600 })
  created!: number;

  @ApiProperty({ example: 'answergate' })
  owned_by!: string;

  static from(profile: ModelProfile): ModelDto {
    return { id: profile.id, object: 'model', created: profile.created, owned_by: profile.ownedBy };
  }
}
