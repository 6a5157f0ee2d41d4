/* eslint-disable lit-a11y/no-redundant-role -- role="list" is deliberate: Safari drops list semantics from lists styled with list-style: none. */
import { html, nothing } from 'lit';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { safeHref } from '../../../core/safe-url.js';
import type { Instrument } from '../instruments/instruments.js';
import type { Band } from '../instruments/scoring.js';
import type { Suggestion } from '../logic/suggestions.js';

/** The warm message for a result: chosen by mood level or band, never naming the band or a score. */
export function resultMessageKey(
  instrument: Instrument,
  band: Band | undefined,
  level: number | undefined,
): MessageKey {
  if (instrument === 'mood') {
    if ((level ?? 3) >= 4) return 'checkIn.result.mood.high';
    return (level ?? 3) <= 2 ? 'checkIn.result.mood.low' : 'checkIn.result.mood.middle';
  }
  if (instrument === 'who5') {
    if (band === 'very-low') return 'checkIn.result.who5.veryLow';
    return band === 'low' ? 'checkIn.result.who5.low' : 'checkIn.result.who5.typical';
  }
  if (band === 'none') return 'checkIn.result.phq4.none';
  return band === 'severe' || band === 'moderate' ? 'checkIn.result.phq4.high' : 'checkIn.result.phq4.some';
}

export interface NextStepLinks {
  groupsHref?: string;
  peerHref?: string;
  counsellingHref?: string;
}

const TITLE: Record<Suggestion['kind'], MessageKey> = {
  crisis: 'checkIn.next.crisis',
  peer: 'checkIn.next.peer',
  group: 'checkIn.next.group',
  counsellor: 'checkIn.next.counsellor',
};
const TEXT: Record<Suggestion['kind'], MessageKey> = {
  crisis: 'checkIn.next.crisisText',
  peer: 'checkIn.next.peerText',
  group: 'checkIn.next.groupText',
  counsellor: 'checkIn.next.counsellorText',
};

/** Where a next step leads: a page the campus set, with a group's topics in the query so the finder can pre-fill. */
export function nextStepHref(step: Suggestion, links: NextStepLinks): string | undefined {
  switch (step.kind) {
    case 'group': {
      const base = safeHref(links.groupsHref) ?? undefined;
      if (!base || !step.topics?.length || !/^https?:/.test(base)) return base;
      const url = new URL(base);
      for (const topic of step.topics) url.searchParams.append('topic', topic);
      return url.href;
    }
    case 'peer':
      return safeHref(links.peerHref) ?? undefined;
    case 'counsellor':
      return safeHref(step.url ?? links.counsellingHref) ?? undefined;
    case 'crisis':
      return undefined;
  }
}

/**
 * The next steps, best first, one each kind. A group, peer or counsellor step is shown only when it leads somewhere
 * (a page would otherwise offer a dead end); crisis help is always shown, as a button that reveals the panel here.
 */
export function nextSteps(
  i18n: LocalizeController,
  headingLevel: number,
  steps: readonly Suggestion[],
  links: NextStepLinks,
  onChoose: (event: Event, step: Suggestion) => void,
) {
  const seen = new Set<string>();
  const usable = steps.filter((step) => {
    if (seen.has(step.kind)) return false;
    seen.add(step.kind);
    return step.kind === 'crisis' || nextStepHref(step, links) !== undefined;
  });
  if (!usable.length) return nothing;
  return html`<section class="next-steps" part="next-steps" aria-labelledby="next-heading">
    <div role="heading" aria-level=${headingLevel} id="next-heading" class="next-heading">
      ${i18n.t('checkIn.next.heading')}
    </div>
    <ul role="list">
      ${usable.map((step) => {
        const href = nextStepHref(step, links);
        const topics = step.kind === 'group' && step.topics?.length ? step.topics : undefined;
        const text = topics
          ? i18n.t('checkIn.next.groupTopics', {
              topics: i18n.list(topics.map((topic) => i18n.t(`topic.${topic}` as MessageKey))),
            })
          : i18n.t(TEXT[step.kind]);
        return html`<li part="next-step next-step-${step.kind}" class=${step.urgent ? 'urgent' : ''}>
          ${
            href
              ? html`<a
                  class="button ${step.urgent ? '' : 'secondary'}"
                  href=${href}
                  @click=${(e: Event) => onChoose(e, step)}
                  >${i18n.t(TITLE[step.kind])}</a
                >`
              : html`<button class="button" type="button" @click=${(e: Event) => onChoose(e, step)}>
                  ${i18n.t(TITLE[step.kind])}
                </button>`
          }
          <p>${text}</p>
        </li>`;
      })}
    </ul>
  </section>`;
}
