import { ApiProperty } from '@nestjs/swagger';

export class AnswerVideoDto {
  @ApiProperty({ example: 'https://video.example.com/watch/lighthouse-tour' })
  url!: string;

  @ApiProperty({ type: String, nullable: true, example: 'https://video.example.com/thumb.jpg' })
  thumbnail_url!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 480 })
  thumbnail_width!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 360 })
  thumbnail_height!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 205, description: 'Seconds.' })
  duration!: number | null;
}
