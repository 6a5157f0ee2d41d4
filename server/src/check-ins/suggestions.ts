import type { CheckInBand, CheckInRequest, Suggestion, SupportTopic } from '../contract/api-types.ts';
import { scorePhq4, scoreWho5 } from './scoring.ts';
import { thresholdsOf, type CheckInThresholds } from './thresholds.ts';
import { supportTopicsFor } from './topic-mapping.ts';

type Kind = Suggestion['kind'];
type Reason = Suggestion['reason'];

/** What the campus adds to suggestions: its counselling service's page and its own cut-offs, when it has them. */
export interface SuggestionContext {
  counsellingUrl?: string | undefined;
  /** The campus config's `checkIn.thresholds` (validated when written); absent ones keep the defaults. */
  thresholds?: CheckInThresholds | undefined;
}

/** What a check-in's answers lead to: the band (WHO-5 and PHQ-4 only) and the suggestions, best first. */
export interface Assessment {
  band?: CheckInBand;
  suggestions: Suggestion[];
}

/** Mood levels at or below this are "low" (1 very low, 2 low): a peer comes first, and the counsellor is offered. */
const LOW_MOOD_LEVEL = 2;

/** Groups a WHO-5 result points to: wellbeing runs low in stress and low mood alike. */
const WHO5_GROUP_TOPICS: SupportTopic[] = ['stress', 'low-mood'];

/**
 * Suggestions in order, at most one of each kind: the first reason given for a kind is the strongest, and the
 * widget offers each next step once.
 */
class SuggestionList {
  private readonly items: Suggestion[] = [];

  constructor(private readonly context: SuggestionContext) {}

  add(kind: Kind, reason: Reason, extra: { urgent?: boolean; topics?: SupportTopic[] } = {}): this {
    if (this.items.some((item) => item.kind === kind)) return this;
    const suggestion: Suggestion = { kind, reason, urgent: extra.urgent ?? false };
    if (extra.topics && extra.topics.length > 0) suggestion.topics = extra.topics;
    if (kind === 'counsellor' && this.context.counsellingUrl) suggestion.url = this.context.counsellingUrl;
    this.items.push(suggestion);
    return this;
  }

  get list(): Suggestion[] {
    return this.items;
  }
}

/**
 * The band and next steps for one check-in (the rules are the contract's Suggestion description):
 * - a safety concern puts urgent crisis help first, then the counsellor, whatever else was answered;
 * - WHO-5: very low (28 or less by default), the counsellor first; low (50 or less), a peer and a group; any answer
 *   of 0 or 1, the counsellor;
 * - PHQ-4: moderate or severe, or a positive pair, the counsellor first; mild, a peer and a group; the group's
 *   topics follow the positive pair (low mood, anxiety);
 * - the WHO-5 and PHQ-4 cut-offs are the campus's (`context.thresholds`) where it sets them;
 * - quick mood: the chosen topics, mapped to support topics, make a group suggestion; a low level brings a peer
 *   and the counsellor.
 * There is always at least one suggestion.
 */
export function assessCheckIn(checkIn: CheckInRequest, context: SuggestionContext): Assessment {
  const suggestions = new SuggestionList(context);
  const thresholds = thresholdsOf(context.thresholds);
  // Only a "yes" is a concern; an unanswered safety question (left out) is neither a concern nor a "no".
  if (checkIn.safetyConcern === true) {
    suggestions.add('crisis', 'safety-concern', { urgent: true }).add('counsellor', 'safety-concern');
  }

  switch (checkIn.instrument) {
    case 'who5': {
      const score = scoreWho5(checkIn.answers, thresholds);
      if (score.band === 'very-low') {
        suggestions
          .add('counsellor', 'very-low-wellbeing')
          .add('peer', 'very-low-wellbeing')
          .add('group', 'very-low-wellbeing', { topics: WHO5_GROUP_TOPICS });
      } else if (score.band === 'low') {
        suggestions.add('peer', 'low-wellbeing').add('group', 'low-wellbeing', { topics: WHO5_GROUP_TOPICS });
      }
      if (score.lowItem) suggestions.add('counsellor', 'low-item');
      suggestions.add('group', 'general');
      return { band: { instrument: 'who5', band: score.band, notADiagnosis: true }, suggestions: suggestions.list };
    }
    case 'phq4': {
      const score = scorePhq4(checkIn.answers, thresholds);
      const topics: SupportTopic[] = [
        ...(score.depressionPositive ? (['low-mood'] as const) : []),
        ...(score.anxietyPositive ? (['anxiety'] as const) : []),
      ];
      const groupTopics = topics.length > 0 ? topics : (['stress'] as SupportTopic[]);
      if (score.band === 'moderate' || score.band === 'severe' || score.depressionPositive || score.anxietyPositive) {
        suggestions.add('counsellor', 'distress');
      }
      if (score.band !== 'none') {
        suggestions.add('peer', 'distress').add('group', 'distress', { topics: groupTopics });
      }
      suggestions.add('group', 'general');
      return { band: { instrument: 'phq4', band: score.band, notADiagnosis: true }, suggestions: suggestions.list };
    }
    case 'mood': {
      const { level, topics = [] } = checkIn.answers;
      const groupTopics = supportTopicsFor(topics);
      const low = level <= LOW_MOOD_LEVEL;
      if (low) suggestions.add('peer', 'general');
      if (groupTopics.length > 0) suggestions.add('group', 'topic-match', { topics: groupTopics });
      if (low) suggestions.add('counsellor', 'general');
      suggestions.add('peer', 'general');
      return { suggestions: suggestions.list };
    }
  }
}
