import { ApiProperty } from '@nestjs/swagger';
import { ModelDto } from './model.dto';

export class ModelListDto {
  @ApiProperty({ enum: ['list'], example: 'list' })
  object!: 'list';

  @ApiProperty({ type: [ModelDto] })
  data!: ModelDto[];
}
