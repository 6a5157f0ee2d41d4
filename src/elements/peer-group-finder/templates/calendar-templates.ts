import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';

export interface CalendarFormOptions {
  level: number;
  discreet: boolean;
  /** The title a discreet file carries, shown in the choice so the student knows what others may see. */
  discreetTitle: string;
  onDiscreet: (discreet: boolean) => void;
  onAdd: () => void;
}

/** "Add to your calendar": the discreet title (on by default) and one button that downloads the `.ics`. */
export function calendarForm(i18n: LocalizeController, options: CalendarFormOptions): TemplateResult {
  return html`<section class="calendar" part="calendar" aria-labelledby="calendar-heading">
    <div role="heading" aria-level=${options.level} class="sub-heading" id="calendar-heading">
      ${i18n.t('groups.calendar.heading')}
    </div>
    <label class="check">
      <input
        type="checkbox"
        name="calendar-discreet"
        part="calendar-discreet"
        .checked=${live(options.discreet)}
        @change=${(event: Event) => options.onDiscreet((event.target as HTMLInputElement).checked)}
      />
      <span>${i18n.t('groups.calendar.discreet', { title: options.discreetTitle })}</span>
    </label>
    <div class="actions">
      <button class="button secondary" part="calendar-add" type="button" @click=${options.onAdd}>
        ${i18n.t('groups.calendar.add')}
      </button>
    </div>
  </section>`;
}
