import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

interface Summary {
  questions: number;
  factRate: number;
  citationRate: number;
  failures: Array<{ question: string; answer: string }>;
}

/** `npm run eval` over the built answerer: eval/corpus, eval/questions.json. */
describe('extractive answerer evaluation', () => {
  it('answers at least 85 % of 30+ questions with the expected fact and cites the right document', () => {
    const output = execFileSync(
      process.execPath,
      [join(__dirname, '..', 'eval', 'run.mjs'), '--json'],
      {
        encoding: 'utf8',
      },
    );
    const summary = JSON.parse(output) as Summary;
    expect(summary.questions).toBeGreaterThanOrEqual(30);
    expect({ facts: summary.factRate >= 0.85, failures: summary.failures }).toMatchObject({
      facts: true,
    });
    expect(summary.citationRate).toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});
