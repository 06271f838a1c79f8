import { ApiProperty } from '@nestjs/swagger';

/** One `[n]` marker its source does not support, or that names no source. */
export class UnsupportedCitationDto {
  @ApiProperty({ example: 2, description: "The sentence's position in the answer, from 0." })
  sentence_index!: number;

  @ApiProperty({ example: 1, description: 'The source number the marker named.' })
  marker!: number;

  @ApiProperty({ example: 'number 1850 is not in the source' })
  reason!: string;
}

/**
 * Each sentence with `[n]` markers checked against the text source n contributed: its
 * numbers and names must appear there, and most of its content words. Markers naming no
 * source are removed; `CITATION_CHECK=strip` removes unsupported ones too. Absent with
 * `CITATION_CHECK=off`.
 */
export class CitationCheckDto {
  @ApiProperty({ example: 3, description: 'Markers checked (one per source a sentence cites).' })
  checked!: number;

  @ApiProperty({ example: 2 })
  supported!: number;

  @ApiProperty({
    type: [UnsupportedCitationDto],
    description:
      'The first 100 unsupported markers, in order; `checked` − `supported` counts them all.',
  })
  unsupported!: UnsupportedCitationDto[];
}
