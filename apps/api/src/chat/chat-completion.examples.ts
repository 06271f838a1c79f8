import type { ExamplesObject } from '@nestjs/swagger';

const question = (content: string) => [{ role: 'user', content }];

/**
 * Request bodies the explorer offers for `POST /v1/chat/completions`. Each one answers
 * on the default start (embedded index over `docs/`, embedded answerer); a test sends them all.
 */
export const CHAT_COMPLETION_EXAMPLES: ExamplesObject = {
  question: {
    summary: 'A question',
    value: { model: 'sonar', messages: question('How long are search results cached?') },
  },
  streamed: {
    summary: 'Streamed as Server-Sent Events, with usage',
    value: {
      model: 'sonar',
      messages: question('How do I configure the search cache?'),
      stream: true,
      stream_options: { include_usage: true },
    },
  },
  conversation: {
    summary: 'A follow-up in a conversation, with related questions',
    value: {
      model: 'sonar',
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'What does Answergate do?' },
        { role: 'assistant', content: 'It answers questions from search results, with citations.' },
        { role: 'user', content: 'How are API keys configured?' },
      ],
      return_related_questions: true,
    },
  },
  filtered: {
    summary: 'Search filters: a domain and a publication date',
    value: {
      model: 'sonar',
      messages: question('What happens on SIGTERM?'),
      search_domain_filter: ['docs'],
      search_after_date_filter: '01/01/2025',
      max_results: 4,
    },
  },
};
