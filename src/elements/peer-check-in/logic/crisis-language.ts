/**
 * Phrases in a free-text note that may mean someone is thinking about suicide or self-harm, in English and Spanish.
 * A match only shows a gentle "help is here" line: it decides nothing else (it never sets the safety answer, never
 * sends anything and never blocks the check-in), so a false match costs one kind sentence and a miss costs nothing
 * the separate safety question does not already cover. Matching ignores case, accents and spacing, on word edges.
 */
const PHRASES = [
  // English
  'suicide',
  'suicidal',
  'kill myself',
  'killing myself',
  'end my life',
  'ending my life',
  'end it all',
  'take my own life',
  'want to die',
  'wanna die',
  'wish i was dead',
  'wish i were dead',
  'better off dead',
  'better off without me',
  'not want to be alive',
  "don't want to be alive",
  'dont want to be alive',
  "don't want to live",
  'dont want to live',
  'no reason to live',
  'hurt myself',
  'hurting myself',
  'harm myself',
  'harming myself',
  'self harm',
  'self-harm',
  'selfharm',
  'cut myself',
  'cutting myself',
  'overdose',
  "can't go on",
  'cant go on',
  // Spanish (accents are removed before matching)
  'suicidio',
  'suicida',
  'suicidarme',
  'matarme',
  'quitarme la vida',
  'acabar con mi vida',
  'acabar con todo',
  'quiero morir',
  'quiero morirme',
  'me quiero morir',
  'no quiero vivir',
  'no quiero estar vivo',
  'no quiero estar viva',
  'mejor muerto',
  'mejor muerta',
  'estarian mejor sin mi',
  'hacerme dano',
  'lastimarme',
  'autolesion',
  'autolesionarme',
  'cortarme',
  'sobredosis',
  'no puedo mas',
  'sin razon para vivir',
];

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}

const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${PHRASES.map((phrase) => normalize(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
  'u',
);

/** Whether the text contains a phrase from the list (see above for what a match does and does not do). */
export function mentionsCrisis(text: string): boolean {
  return PATTERN.test(normalize(text));
}
