import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AnswerImageDto {
  @ApiProperty({ example: 'https://images.example.com/diagram.png' })
  image_url!: string;

  @ApiProperty({ example: 'https://docs.example.com/architecture' })
  origin_url!: string;

  @ApiProperty({ example: 'Architecture diagram' })
  title!: string;

  @ApiPropertyOptional({ example: 800 })
  width?: number;

  @ApiPropertyOptional({ example: 600 })
  height?: number;
}
