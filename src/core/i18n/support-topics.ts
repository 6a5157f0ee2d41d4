import { extendLocale } from './catalog.js';

/**
 * Names of the contract's `SupportTopic` codes (what a group, a peer request or a next step is about), for the
 * elements that show them. Loaded only by those elements. Plain words a student would use; never clinical labels.
 */
const supportTopicsEn = {
  'topic.general': 'general wellbeing',
  'topic.stress': 'stress',
  'topic.studies': 'studies',
  'topic.anxiety': 'anxiety',
  'topic.low-mood': 'low mood',
  'topic.loneliness': 'loneliness',
  'topic.relationships': 'relationships',
  'topic.family': 'family',
  'topic.grief': 'grief and loss',
  'topic.identity': 'identity',
  'topic.lgbtqia': 'LGBTQIA+ life',
  'topic.discrimination': 'discrimination',
  'topic.neurodivergence': 'neurodivergence',
  'topic.disability': 'disability',
  'topic.chronic-illness': 'long-term health conditions',
  'topic.body-image': 'body image',
  'topic.eating': 'eating',
  'topic.substance-use': 'alcohol and drugs',
  'topic.gambling': 'gambling',
  'topic.money': 'money',
  'topic.housing': 'housing',
  'topic.sleep': 'sleep',
  'topic.trauma': 'trauma',
  'topic.sexual-violence': 'sexual violence',
  'topic.abuse': 'abuse',
  'topic.self-harm': 'self-harm',
  'topic.suicidal-thoughts': 'suicidal thoughts',
  'topic.other': 'other topics',
} as const;

export type SupportTopicMessages = { readonly [K in keyof typeof supportTopicsEn]: string };

const supportTopicsEs: SupportTopicMessages = {
  'topic.general': 'bienestar general',
  'topic.stress': 'estrés',
  'topic.studies': 'estudios',
  'topic.anxiety': 'ansiedad',
  'topic.low-mood': 'ánimo bajo',
  'topic.loneliness': 'soledad',
  'topic.relationships': 'relaciones',
  'topic.family': 'familia',
  'topic.grief': 'duelo y pérdida',
  'topic.identity': 'identidad',
  'topic.lgbtqia': 'vida LGBTQIA+',
  'topic.discrimination': 'discriminación',
  'topic.neurodivergence': 'neurodivergencia',
  'topic.disability': 'discapacidad',
  'topic.chronic-illness': 'condiciones de salud de larga duración',
  'topic.body-image': 'imagen corporal',
  'topic.eating': 'alimentación',
  'topic.substance-use': 'alcohol y drogas',
  'topic.gambling': 'apuestas',
  'topic.money': 'dinero',
  'topic.housing': 'vivienda',
  'topic.sleep': 'sueño',
  'topic.trauma': 'trauma',
  'topic.sexual-violence': 'violencia sexual',
  'topic.abuse': 'abuso',
  'topic.self-harm': 'autolesiones',
  'topic.suicidal-thoughts': 'pensamientos suicidas',
  'topic.other': 'otros temas',
};

/** Adds the topic names in English and Spanish to the catalog (never over a page's own). Safe to call twice. */
export function registerSupportTopicStrings(): void {
  extendLocale('en', supportTopicsEn);
  extendLocale('es', supportTopicsEs);
}

declare module './en.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ElementMessages extends SupportTopicMessages {}
}

export { supportTopicsEn, supportTopicsEs };
