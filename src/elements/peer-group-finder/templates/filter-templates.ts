import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { LIST_FILTERS, Q_MAX, type GroupFilters, type ListFilter } from '../logic/filters.js';

export interface FilterHandlers {
  /** Every keystroke in the search box: the element only restarts its debounce timer (no render, no request). */
  onType: (text: string) => void;
  /** Enter or the Search button: search for the text now. */
  onSearch: (text: string) => void;
  onToggle: (name: ListFilter, value: string, on: boolean) => void;
  onDropIn: (value: boolean | undefined) => void;
  onLanguage: (value: string | undefined) => void;
  onClear: () => void;
}

const DAY_MS = 86_400_000;
/** 30 November 2026 was a Monday: day names come from Intl in the student's language. */
const A_MONDAY = Date.UTC(2026, 10, 30, 12);

/** The label of one value of a list filter, in words. */
export function valueLabel(i18n: LocalizeController, name: ListFilter, value: string): string {
  switch (name) {
    case 'topic':
      return i18n.t(`topic.${value}` as MessageKey);
    case 'audience':
      return i18n.t(`audience.${value}` as MessageKey);
    case 'format':
      return i18n.t(`groups.format.${value}` as MessageKey);
    case 'day': {
      const index = LIST_FILTERS.day.indexOf(value as (typeof LIST_FILTERS.day)[number]);
      return i18n.dateTime(A_MONDAY + index * DAY_MS, { weekday: 'long', timeZone: 'UTC' });
    }
    case 'timeOfDay':
      return i18n.t(`groups.timeOfDay.${value}` as MessageKey);
    case 'facilitator':
      return i18n.t(`groups.facilitator.${value}` as MessageKey);
    case 'accessibility':
      return i18n.t(`groups.access.${value}` as MessageKey);
  }
}

function checkboxes(
  i18n: LocalizeController,
  name: ListFilter,
  legend: MessageKey,
  filters: GroupFilters,
  handlers: FilterHandlers,
  { hint, alone = false }: { hint?: MessageKey; alone?: boolean } = {},
): TemplateResult {
  const chosen = filters[name] as readonly string[];
  // Alone in its disclosure, the legend repeats the summary on screen; screen readers still need it for the group.
  return html`<fieldset class="filter-set" aria-describedby=${hint ? `hint-${name}` : nothing}>
    <legend class=${alone ? 'visually-hidden' : ''}>${i18n.t(legend)}</legend>
    ${hint ? html`<p class="hint" id="hint-${name}">${i18n.t(hint)}</p>` : nothing}
    <div class="choices">
      ${LIST_FILTERS[name].map(
        (value) =>
          html`<label class="choice" part="choice">
            <input
              type="checkbox"
              name=${name}
              .value=${value}
              .checked=${live(chosen.includes(value))}
              @change=${(event: Event) => handlers.onToggle(name, value, (event.target as HTMLInputElement).checked)}
            />
            <span>${valueLabel(i18n, name, value)}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}

/** A disclosure for a few filters: its summary says how many choices it holds, so closed ones still tell. */
function disclosure(i18n: LocalizeController, label: MessageKey, count: number, body: TemplateResult) {
  return html`<details class="filter" part="filter">
    <summary part="filter-summary">
      <span>${i18n.t(label)}</span>
      ${count ? html`<span class="chosen">${i18n.t('groups.filters.chosen', { count: i18n.number(count) })}</span>` : nothing}
    </summary>
    <div class="filter-body">${body}</div>
  </details>`;
}

/**
 * The search box and the filters, as native controls: a search landmark, checkboxes in fieldsets with legends,
 * radio buttons for drop-in, a select for the language. The search box's value is not bound: it belongs to the
 * student while they type, and the element sets it only when the filters change under them (Back, Clear).
 */
export function filterForm(
  i18n: LocalizeController,
  filters: GroupFilters,
  languages: readonly string[],
  handlers: FilterHandlers,
): TemplateResult {
  const dropInChoices = [
    ['any', undefined],
    ['true', true],
    ['false', false],
  ] as const;
  const languageChoices =
    filters.language && !languages.includes(filters.language) ? [...languages, filters.language] : languages;
  const howCount =
    filters.format.length +
    filters.facilitator.length +
    (filters.dropIn === undefined ? 0 : 1) +
    (filters.language ? 1 : 0);
  const anyChosen =
    filters.q !== '' ||
    howCount +
      filters.topic.length +
      filters.audience.length +
      filters.day.length +
      filters.timeOfDay.length +
      filters.accessibility.length >
      0;
  return html`<form
    class="search"
    part="search"
    role="search"
    @submit=${(event: Event) => {
      event.preventDefault();
      const input = (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#search-input');
      handlers.onSearch(input?.value ?? '');
    }}
  >
    <div class="search-field">
      <label for="search-input">${i18n.t('groups.search.label')}</label>
      <p class="hint" id="search-hint">${i18n.t('groups.search.hint')}</p>
      <div class="search-row">
        <input
          id="search-input"
          part="search-input"
          type="search"
          name="q"
          maxlength=${Q_MAX}
          autocomplete="off"
          enterkeyhint="search"
          aria-describedby="search-hint"
          @input=${(event: Event) => handlers.onType((event.target as HTMLInputElement).value)}
        />
        <button class="button secondary" part="search-button" type="submit">${i18n.t('groups.search.submit')}</button>
      </div>
    </div>
    <div class="filters" part="filters" role="group" aria-label=${i18n.t('groups.filters.label')}>
      ${disclosure(i18n, 'groups.filter.topic', filters.topic.length, checkboxes(i18n, 'topic', 'groups.filter.topic', filters, handlers, { alone: true }))}
      ${disclosure(
        i18n,
        'groups.filter.audience',
        filters.audience.length,
        checkboxes(i18n, 'audience', 'groups.filter.audience', filters, handlers, { alone: true }),
      )}
      ${disclosure(
        i18n,
        'groups.filter.when',
        filters.day.length + filters.timeOfDay.length,
        html`${checkboxes(i18n, 'day', 'groups.filter.day', filters, handlers)}
        ${checkboxes(i18n, 'timeOfDay', 'groups.filter.timeOfDay', filters, handlers)}`,
      )}
      ${disclosure(
        i18n,
        'groups.filter.how',
        howCount,
        html`${checkboxes(i18n, 'format', 'groups.filter.format', filters, handlers)}
          <fieldset class="filter-set">
            <legend>${i18n.t('groups.filter.dropIn')}</legend>
            <div class="choices">
              ${dropInChoices.map(
                ([key, value]) =>
                  html`<label class="choice" part="choice">
                    <input
                      type="radio"
                      name="dropIn"
                      .value=${key}
                      .checked=${live(filters.dropIn === value)}
                      @change=${() => handlers.onDropIn(value)}
                    />
                    <span>${i18n.t(`groups.dropIn.${key}`)}</span>
                  </label>`,
              )}
            </div>
          </fieldset>
          ${checkboxes(i18n, 'facilitator', 'groups.filter.facilitator', filters, handlers)}
          <div class="filter-set language">
            <label for="language-select">${i18n.t('groups.filter.language')}</label>
            <select
              id="language-select"
              name="language"
              part="language"
              @change=${(event: Event) => handlers.onLanguage((event.target as HTMLSelectElement).value || undefined)}
            >
              <option value="" .selected=${live(!filters.language)}>${i18n.t('groups.filter.languageAny')}</option>
              ${languageChoices.map(
                (code) =>
                  html`<option value=${code} .selected=${live(filters.language === code)}>
                    ${i18n.displayName('language', code)}
                  </option>`,
              )}
            </select>
          </div>`,
      )}
      ${disclosure(
        i18n,
        'groups.filter.accessibility',
        filters.accessibility.length,
        checkboxes(i18n, 'accessibility', 'groups.filter.accessibility', filters, handlers, {
          hint: 'groups.filter.accessibilityHint',
          alone: true,
        }),
      )}
    </div>
    <div class="actions">
      <!-- Always there (disabled with nothing to clear), so ticking the first box never pushes the results down. -->
      <button class="button secondary" part="clear" type="button" ?disabled=${!anyChosen} @click=${handlers.onClear}>
        ${i18n.t('groups.filters.clear')}
      </button>
    </div>
  </form>`;
}
