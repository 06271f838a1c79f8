/**
 * English function words: they match nearly every document, so dropping them keeps
 * BM25 scores meaningful and candidate sets small (query latency on large corpora).
 */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can do does for from had has have how i if in into is it its ' +
    'me my no not of on or our so than that the their them then there these they this to was we ' +
    'were what when where which who why will with would you your'
  ).split(' '),
);
