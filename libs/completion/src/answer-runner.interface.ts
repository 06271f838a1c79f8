import type { Observable } from 'rxjs';
import type { CompletionEvent, CompletionRequest } from './completion.types';

/** Something that answers a request as completion events: the pipeline, or deep research. */
export interface AnswerRunner {
  run(request: CompletionRequest): Observable<CompletionEvent>;
}
