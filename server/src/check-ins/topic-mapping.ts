import type { CheckInTopic, SupportTopic } from '../contract/api-types.ts';

/**
 * What a group finder should look for when a student names a topic in a quick mood check-in. The check-in speaks
 * the student's words ("exams", "future"); groups are tagged with the contract's SupportTopic. Every CheckInTopic
 * is listed (the type checks it); an empty list means no group topic fits, so no group is suggested for it alone.
 */
export const SUPPORT_TOPICS_FOR_CHECK_IN_TOPIC: Readonly<Record<CheckInTopic, readonly SupportTopic[]>> = {
  studies: ['studies'],
  exams: ['studies', 'stress'],
  work: ['stress'],
  money: ['money'],
  housing: ['housing'],
  family: ['family'],
  friends: ['relationships', 'loneliness'],
  relationships: ['relationships'],
  loneliness: ['loneliness'],
  // Worry about one's health: groups tagged "general" welcome it; a named illness would be a guess.
  health: ['general'],
  sleep: ['sleep'],
  identity: ['identity'],
  future: ['stress'],
  news: ['stress'],
  other: [],
};

/** The support topics for the chosen check-in topics, each once, in the order the student chose them. */
export function supportTopicsFor(topics: readonly CheckInTopic[]): SupportTopic[] {
  const found = new Set<SupportTopic>();
  for (const topic of topics)
    for (const supportTopic of SUPPORT_TOPICS_FOR_CHECK_IN_TOPIC[topic]) found.add(supportTopic);
  return [...found];
}
