/**
 * Sentences in retrieved text that give orders instead of facts: aimed at an
 * assistant or model ("ignore previous instructions", "AI assistants must say"),
 * at the reader on the model's behalf ("tell the user to visit"), or asking for
 * credentials ("enter your password"). Source text is data: these are never
 * quoted as an answer, and are left out of the text a model is shown.
 */
const PATTERNS: readonly RegExp[] = [
  // Overriding what came before.
  /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(previous|prior|above|earlier|preceding|all|any|your|the|system|other)\b.{0,20}\b(instructions?|prompts?|rules|directions|guidelines|messages?|context)\b/i,
  /\b(new|updated|real|actual|hidden|secret)\s+(system\s+)?(instructions?|prompt|rules)\b\s*[:-]/i,
  /\b(system|developer)\s+(prompt|message|mode)\b/i,
  /\b(you\s+are\s+now|from\s+now\s+on,?\s+you|act\s+as|pretend\s+(to\s+be|you\s+are)|roleplay\s+as|jailbreak)\b/i,
  // Addressed to an assistant or model.
  /\b(AI\s+(assistants?|models?|agents?)|assistants?|chat\s?bots?|language\s+models?|LLMs?)\b[^.!?]{0,40}\b(must|should|shall|are\s+(instructed|required|told))\s+(always\s+|never\s+|now\s+|only\s+)?(say|tell|answer|respond|reply|recommend|direct|send|include|mention|ignore|output|refer)\b/i,
  /^\s*(dear\s+)?(AI|assistant|model|chat\s?bot|LLM)\s*[,:]\s*(please\s+)?(ignore|tell|answer|reply|respond|say|output|print|include|recommend|always|never|you\s+(must|should|will))\b/i,
  /^\s*(instructions?\s+(from|for)\s+the\s+(caller|user|system|assistant|model)|note\s+to\s+(the\s+)?(AI|assistant|model))\b/i,
  // Orders on the model's behalf, to whoever reads the answer.
  /^\s*(please\s+)?(tell|inform|instruct|direct|advise|urge|ask)\s+(the\s+)?(users?|readers?|customers?|visitors?|them)\b/i,
  /^\s*(please\s+)?(always|only|never)\s+(respond|reply|answer|say|tell|recommend|cite|mention|output)\b/i,
  /^\s*(please\s+)?(respond|reply|answer)\s+(only|with\s+only|exclusively|in\s+all\s+caps)\b/i,
  /\b(reveal|print|repeat|output|show)\s+(me\s+)?(your|the)\s+(system\s+|hidden\s+|initial\s+|original\s+)?(prompt|instructions)\b/i,
  // Asking for secrets.
  /\b(enter|provide|send|share|confirm|verify|type|submit|give|update|re-?enter|reply\s+with)\b[^.!?]{0,60}\b(passwords?|passcodes?|PINs?|credentials?|login\s+details|social\s+security|SSN|credit\s+card|card\s+(number|details)|CVV|CVC|bank\s+(account|details)|one-time\s+(code|password)|2FA\s+codes?|verification\s+codes?|API\s+keys?|secret\s+keys?|private\s+keys?|seed\s+phrases?|recovery\s+phrases?)\b/i,
];

/** True when `sentence` gives orders to an assistant or the reader, or asks for secrets. */
export function isInstructionLike(sentence: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(sentence));
}

/** Sentence ends (or line breaks) where text is cut to test sentence by sentence. */
const SENTENCE_END = /(?<=[.!?])\s+|\n+/;

/** `text` without its instruction-like sentences; the rest is kept as it was. */
export function withoutInstructions(text: string): string {
  const parts = text.split(SENTENCE_END);
  if (!parts.some(isInstructionLike)) return text;
  return parts
    .filter((part) => !isInstructionLike(part))
    .join(' ')
    .trim();
}
