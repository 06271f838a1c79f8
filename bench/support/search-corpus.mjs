// The search benchmark's generated corpus and queries: deterministic (seeded), so every run
// indexes the same documents and asks the same questions.

export const DOCS = 100_000;
export const QUERIES = 2000;

// Deterministic pseudo-random numbers (mulberry32).
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(42);
// Letters drawn with English frequencies and lengths 3-12, so prefixes fan out roughly as in real text.
const LETTERS =
  'eeeeeeeeeeeetttttttttaaaaaaaaooooooooiiiiiiinnnnnnnsssssshhhhhhrrrrrrddddlllluuucccmmmwwffggyyppbbvkjxqz';
const word = () =>
  Array.from(
    { length: 3 + Math.floor(rand() ** 1.5 * 10) },
    () => LETTERS[Math.floor(rand() * LETTERS.length)],
  ).join('');
export const VOCABULARY = [...new Set(Array.from({ length: 60_000 }, word))];
// Zipf-like: a few words are very common, most are rare, like real text.
const zipf = () => VOCABULARY[Math.floor(VOCABULARY.length * rand() ** 2.5)];
const sentence = (n) => Array.from({ length: n }, zipf).join(' ');

/** The documents, in the shape the local index takes. Call before `queries()` (one seed). */
export function corpus() {
  return Array.from({ length: DOCS }, (_, i) => ({
    title: sentence(4 + Math.floor(rand() * 5)),
    headings: sentence(6),
    text: `${sentence(60 + Math.floor(rand() * 90))}. ${sentence(40)}.`,
    url: `https://corpus.example/${i}`,
    date: `202${Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    lastUpdated: null,
    language: 'en',
    images: [],
  }));
}

/** Mid-frequency words, as people search; a fifth are prefixes, a tenth have a typo. */
export function queries() {
  const pick = () => VOCABULARY[Math.floor(VOCABULARY.length * (0.01 + 0.5 * rand() ** 1.5))];
  return Array.from({ length: QUERIES }, (_, i) => {
    const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, pick);
    if (i % 5 === 0) words[0] = words[0].slice(0, Math.max(3, words[0].length - 2));
    if (i % 10 === 1 && words[0].length >= 6)
      words[0] = `${words[0].slice(0, 2)}x${words[0].slice(3)}`;
    return words.join(' ');
  });
}
