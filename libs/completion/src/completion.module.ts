import { Module } from '@nestjs/common';
import { LlmModule } from '@answergate/llm';
import { SearchModule } from '@answergate/search';
import { ChatCompletions } from './chat-completions.service';
import { CompletionPipeline } from './completion-pipeline.service';
import { Grounding } from './grounding/grounding.service';
import { ProSearchPlanner } from './pro-search-planner.service';
import { QueryRephraser } from './query-rephraser.service';
import { RelatedQuestions } from './related-questions.service';
import { OpenAiResponses } from './responses/openai-responses.service';
import { responseStoreProvider } from './responses/response-store.provider';
import { SearchClassifier } from './search-classifier.service';

@Module({
  imports: [SearchModule, LlmModule],
  providers: [
    CompletionPipeline,
    Grounding,
    QueryRephraser,
    ProSearchPlanner,
    RelatedQuestions,
    SearchClassifier,
    ChatCompletions,
    OpenAiResponses,
    responseStoreProvider,
  ],
  exports: [ChatCompletions, CompletionPipeline, OpenAiResponses],
})
export class CompletionModule {}
