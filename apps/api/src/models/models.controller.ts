import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '@answergate/common';
import { ModelRegistry } from '@answergate/models';
import { API_KEY_SCHEME } from '../docs/api-key-scheme';
import { ModelListDto } from './dto/model-list.dto';
import { ModelDto } from './dto/model.dto';

@ApiTags('models')
@ApiBearerAuth(API_KEY_SCHEME)
@ApiErrorResponses(401, 429, 503)
@Controller('v1/models')
export class ModelsController {
  constructor(private readonly registry: ModelRegistry) {}

  @Get()
  @ApiOperation({ operationId: 'listModels', summary: 'List the models this deployment offers' })
  @ApiOkResponse({ type: ModelListDto })
  list(): ModelListDto {
    return { object: 'list', data: this.registry.list().map((model) => ModelDto.from(model)) };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'retrieveModel', summary: 'Get one model' })
  @ApiParam({ name: 'id', example: 'sonar' })
  @ApiOkResponse({ type: ModelDto })
  @ApiErrorResponses(404)
  get(@Param('id') id: string): ModelDto {
    return ModelDto.from(this.registry.get(id, 'id'));
  }
}
