export { BM25, Bm25Corpus, bm25Idf, bm25Norm, bm25Tf } from './bm25';
export { cutPassages, PASSAGE_MAX_CHARS, PASSAGE_TARGET_CHARS } from './passages';
export { scorePassages } from './rank-passages';
export { type Sentence, splitSentences } from './sentences';
export { isStopword, QUESTION_WORDS, STOPWORDS } from './stopwords';
export { contentTerms, matchTerms, stem, words, wordsAsWritten } from './tokenize';
