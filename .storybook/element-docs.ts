import type { ArgTypes, Args, StoryContext } from '@storybook/web-components-vite';

type InputType = ArgTypes[string];

// How Storybook reads custom-elements.json here, so that each element's docs page (autodocs) is its public API and
// every control changes the element:
//   - Storybook lists a class member and the attribute it reflects as two rows (`apiBase`, `api-base`) and sets every
//     arg as a property (`element['api-base'] = …` does nothing). The manifest given to Storybook keeps the
//     attribute row only; `renderElement` sets each attribute arg through its property, plain attributes as
//     attributes, `--peer-*` args as custom properties on the element, and `on…` args as event listeners.
//   - Static members (`tagName`, `version`, `define`) and read-only ones (`config`) are not something a story can
//     set: they stay out of the controls (methods and statics are documented in the manifest and the README).

interface Item {
  name: string;
  kind?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  fieldName?: string;
  privacy?: string;
}
interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules: Array<{ declarations?: Declaration[] }>;
}

let declarations = new Map<string, Declaration>();

/** The manifest as Storybook should see it (see the top of this file); also kept for `renderElement`. */
export function manifestForStorybook(manifest: Manifest): Manifest {
  const cleaned: Manifest = {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(
          (member) =>
            !member.static &&
            !member.readonly &&
            member.privacy !== 'private' &&
            member.privacy !== 'protected' &&
            // The attribute row stands for it.
            !(member.attribute && declaration.attributes?.some((a) => a.name === member.attribute)),
        ),
      })),
    })),
  };
  declarations = new Map(
    cleaned.modules.flatMap((module) =>
      (module.declarations ?? []).flatMap((d) => (d.tagName ? [[d.tagName, d] as const] : [])),
    ),
  );
  return cleaned;
}

/** The element's summary and description, for the top of its docs page. */
export function componentDescription(tagName: string): string | undefined {
  const declaration = declarations.get(tagName);
  if (!declaration) return undefined;
  return [declaration.summary, declaration.description].filter(Boolean).join('\n\n') || undefined;
}

/** "peer-crisis-contact" → "onPeerCrisisContact", the arg name Storybook gives an event's action. */
export function handlerArgName(event: string): string {
  return `on${event.replace(/(?:^|[-_:.\s]+)(\w)/g, (_, letter: string) => letter.toUpperCase())}`;
}

/**
 * Default render for stories of an element (meta `component`): the element, with every arg applied as a page would
 * apply it. Stories with their own `render` are not affected.
 */
export function renderElement(args: Args, context: StoryContext): HTMLElement {
  const tagName = context.component;
  if (typeof tagName !== 'string') throw new Error(`story ${context.id} has no component tag name`);
  const element = document.createElement(tagName);
  const declaration = declarations.get(tagName);
  const record = element as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined) continue;
    const attribute = declaration?.attributes?.find((a) => a.name === name);
    const event = declaration?.events?.find((e) => handlerArgName(e.name) === name);
    if (event) {
      if (typeof value === 'function') element.addEventListener(event.name, value as EventListener);
    } else if (name.startsWith('--')) {
      if (value !== '') element.style.setProperty(name, String(value));
    } else if (attribute?.fieldName) {
      record[attribute.fieldName] = value;
    } else if (attribute) {
      if (value === false || value === null || value === '') element.removeAttribute(name);
      else element.setAttribute(name, value === true ? '' : String(value));
    } else {
      record[name] = value;
    }
  }
  return element;
}

/**
 * The control for an attribute, property or custom property, from the type text the manifest gives it, in the
 * normalized form Storybook expects from an enhancer: `{ type }`, with `options` for a select, or `false`.
 */
function controlFor(name: string, typeText: string | undefined): Partial<InputType> {
  if (name.startsWith('--')) return { control: { type: 'text' } };
  const type = (typeText ?? '').replace(/\s*\|\s*(?:undefined|null)\b/g, '').trim();
  if (/^'[^']*'(?:\s*\|\s*'[^']*')+$/.test(type)) {
    return { control: { type: 'select' }, options: type.split('|').map((t) => t.trim().slice(1, -1)) };
  }
  if (type === 'string') return { control: { type: 'text' } };
  if (type === 'number') return { control: { type: 'number' } };
  if (type === 'boolean') return { control: { type: 'boolean' } };
  // Functions (fetch, clock) cannot be typed into a control.
  if (type === '' || /=>|^typeof\s|Function\b/.test(type)) return { control: false };
  return { control: { type: 'object' } };
}

/**
 * An argTypes enhancer: Storybook gives the manifest's attributes, properties and custom properties no control
 * ("string | undefined" is not a type it knows), so each gets one from its type: text, number, boolean, a select of
 * its string literals, an object editor, or none for functions. CSS parts and slots are documentation only.
 */
export function controlsFromTypes<T extends ArgTypes>({ argTypes }: { argTypes: T }): T {
  const enhanced: ArgTypes = { ...argTypes };
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if (category === 'attributes' || category === 'properties' || category === 'css custom properties') {
      enhanced[name] = { ...argType, ...controlFor(name, argType.table?.type?.summary) };
    } else if (category === 'css shadow parts' || category === 'slots') {
      enhanced[name] = { ...argType, control: false };
    }
  }
  return enhanced as T;
}
