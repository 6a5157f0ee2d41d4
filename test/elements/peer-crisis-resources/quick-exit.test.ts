import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { QuickExitShortcut } from '../../../src/elements/peer-crisis-resources/logic/quick-exit.js';

const EXIT = 'https://weather.example/';

/** Controllers connected by a test, disconnected after it so no listener outlives its test. */
const connected: QuickExitShortcut[] = [];

/** The controller on a tiny host stub, connected, recording where it would have left for. */
function shortcut(url: string | null = EXIT) {
  const host: ReactiveControllerHost = {
    addController: (_controller: ReactiveController) => undefined,
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  const left: string[] = [];
  const controller = new QuickExitShortcut(
    host,
    () => url,
    (to) => left.push(to),
  );
  controller.hostConnected();
  connected.push(controller);
  return { controller, left };
}

afterEach(async () => {
  for (const controller of connected.splice(0)) controller.hostDisconnected();
  await resetMouse();
});

type Target = EventTarget;
const keyboard = (init: KeyboardEventInit = {}): KeyboardEventInit => ({
  key: 'Shift',
  code: 'ShiftLeft',
  keyCode: 16,
  bubbles: true,
  composed: true,
  cancelable: true,
  ...init,
});

/** Dispatches a keydown and returns whether the page let it through (not default-prevented). */
function keyDown(target: Target, init: KeyboardEventInit = {}): boolean {
  return target.dispatchEvent(new KeyboardEvent('keydown', keyboard({ shiftKey: true, ...init })));
}
function keyUp(target: Target, init: KeyboardEventInit = {}): boolean {
  return target.dispatchEvent(new KeyboardEvent('keyup', keyboard({ shiftKey: false, ...init })));
}
/** Shift pressed and released on its own, from the keyboard. */
function tapShift(target: Target = document, code = 'ShiftLeft') {
  keyDown(target, { code });
  keyUp(target, { code });
}

const mouse = (init: MouseEventInit = {}): PointerEventInit => ({
  bubbles: true,
  composed: true,
  cancelable: true,
  button: 0,
  buttons: 1,
  clientX: 10,
  clientY: 10,
  ...init,
});
/** The pointer half of a click, as Chromium sends it. */
function pressPointer(target: Target, shiftKey: boolean) {
  target.dispatchEvent(new PointerEvent('pointerdown', { ...mouse({ shiftKey }), pointerType: 'mouse' }));
  target.dispatchEvent(new MouseEvent('mousedown', mouse({ shiftKey })));
}
function releasePointer(target: Target, shiftKey: boolean) {
  target.dispatchEvent(new PointerEvent('pointerup', { ...mouse({ shiftKey, buttons: 0 }), pointerType: 'mouse' }));
  target.dispatchEvent(new MouseEvent('mouseup', mouse({ shiftKey, buttons: 0 })));
  target.dispatchEvent(new MouseEvent('click', mouse({ shiftKey, buttons: 0 })));
}
/** Shift+click the way real Chromium orders it: Shift goes down, the click happens, Shift comes up. */
function shiftClick(target: Target) {
  keyDown(target);
  pressPointer(target, true);
  releasePointer(target, true);
  keyUp(target);
}
/** Shift+click with the pointer down first and Shift pressed while the button is held. */
function pointerFirstShiftClick(target: Target) {
  pressPointer(target, false);
  keyDown(target);
  releasePointer(target, true);
  keyUp(target);
}
function plainClick(target: Target) {
  pressPointer(target, false);
  releasePointer(target, false);
}
function composition(target: Target, type: 'compositionstart' | 'compositionupdate' | 'compositionend', data = '') {
  target.dispatchEvent(new CompositionEvent(type, { bubbles: true, composed: true, data }));
}

async function checkboxes(count = 3) {
  const list = await fixture<HTMLElement>(html`
    <form>
      ${Array.from(
        { length: count },
        (_, i) => html`<label><input type="checkbox" name="row" value=${i} /> Row ${i + 1}</label><br />`,
      )}
    </form>
  `);
  return [...list.querySelectorAll<HTMLInputElement>('input')];
}

/** The centre of an element, in viewport pixels, for sendMouse. */
function centre(el: Element): [number, number] {
  const box = el.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

describe('QuickExitShortcut', () => {
  describe('keyboard Shift pressed three times', () => {
    it('leaves after three Shift presses from the keyboard', () => {
      const { left } = shortcut();
      tapShift();
      tapShift();
      expect(left).to.deep.equal([]);
      tapShift();
      expect(left).to.deep.equal([EXIT]);
    });

    it('counts left and right Shift alike (ShiftLeft, ShiftRight, ShiftLeft)', () => {
      const { left } = shortcut();
      tapShift(document, 'ShiftLeft');
      tapShift(document, 'ShiftRight');
      tapShift(document, 'ShiftLeft');
      expect(left).to.deep.equal([EXIT]);
    });

    it('counts presses made inside a text field', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Your message" />`);
      const { left } = shortcut();
      for (let i = 0; i < 3; i += 1) tapShift(input);
      expect(left).to.deep.equal([EXIT]);
    });

    it('does nothing while there is no exit address', () => {
      const { left } = shortcut(null);
      for (let i = 0; i < 3; i += 1) tapShift();
      expect(left).to.deep.equal([]);
    });

    it('does not leave when the presses are spread over more than 1.5 s, and the window slides', async () => {
      const { left } = shortcut();
      tapShift();
      tapShift();
      await aTimeout(1600);
      tapShift();
      expect(left).to.deep.equal([]);
      tapShift();
      tapShift();
      expect(left).to.deep.equal([EXIT]);
    });

    it('does not leave when another key comes between the presses (typing capitals)', () => {
      const { left } = shortcut();
      tapShift();
      keyDown(document);
      keyDown(document, { key: 'A', code: 'KeyA', keyCode: 65 });
      keyUp(document, { key: 'A', code: 'KeyA', keyCode: 65, shiftKey: true });
      keyUp(document);
      tapShift();
      tapShift();
      expect(left).to.deep.equal([]);
      tapShift();
      expect(left).to.deep.equal([EXIT]);
    });

    it('ignores the auto-repeat of a held Shift', () => {
      const { left } = shortcut();
      keyDown(document);
      keyDown(document, { repeat: true });
      keyDown(document, { repeat: true });
      keyUp(document);
      expect(left).to.deep.equal([]);
    });

    it('never prevents the keys it watches', () => {
      shortcut();
      for (let i = 0; i < 3; i += 1) {
        expect(keyDown(document), 'keydown').to.equal(true);
        expect(keyUp(document), 'keyup').to.equal(true);
      }
    });
  });

  describe('Shift used with the mouse', () => {
    it('does not leave on three shift-clicks (Shift down, click, Shift up, as Chromium sends them)', async () => {
      const boxes = await checkboxes();
      const { left } = shortcut();
      for (const box of boxes) shiftClick(box);
      expect(left).to.deep.equal([]);
    });

    it('does not leave on three shift-clicks where the button goes down before Shift', async () => {
      const boxes = await checkboxes();
      const { left } = shortcut();
      for (const box of boxes) pointerFirstShiftClick(box);
      expect(left).to.deep.equal([]);
    });

    it('does not leave when a click comes between the Shift presses, and counts afresh after it', async () => {
      const [box] = await checkboxes(1);
      const { left } = shortcut();
      tapShift();
      tapShift();
      plainClick(box!);
      tapShift();
      expect(left).to.deep.equal([]);
      tapShift();
      tapShift();
      expect(left).to.deep.equal([EXIT]);
    });

    it('does not count a Shift held through a click, even after two real presses', async () => {
      const [box] = await checkboxes(1);
      const { left } = shortcut();
      tapShift();
      tapShift();
      keyDown(document); // held …
      pressPointer(box!, true); // … for a shift-click
      expect(left).to.deep.equal([]);
      releasePointer(box!, true);
      keyUp(document);
      expect(left).to.deep.equal([]);
    });

    it('treats a touch or a sideways scroll like a click', () => {
      const { left } = shortcut();
      tapShift();
      tapShift();
      document.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, composed: true }));
      tapShift();
      expect(left, 'touch').to.deep.equal([]);
      tapShift();
      keyDown(document);
      document.dispatchEvent(new WheelEvent('wheel', { bubbles: true, composed: true, deltaY: 40, shiftKey: true }));
      keyUp(document);
      expect(left, 'shift+wheel').to.deep.equal([]);
    });
  });

  describe('input methods (IME)', () => {
    it('does not count Shift keydowns sent while composing (isComposing)', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Your message" />`);
      const { left } = shortcut();
      for (let i = 0; i < 3; i += 1) {
        keyDown(input, { isComposing: true });
        keyUp(input, { isComposing: true });
      }
      expect(left).to.deep.equal([]);
    });

    it('does not count Shift keydowns an input method processes (keyCode 229)', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Your message" />`);
      const { left } = shortcut();
      for (let i = 0; i < 3; i += 1) {
        keyDown(input, { keyCode: 229 });
        keyUp(input, { keyCode: 229 });
      }
      expect(left).to.deep.equal([]);
    });

    it('restarts the count on compositionstart, compositionupdate or compositionend between presses', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Your message" />`);
      for (const type of ['compositionstart', 'compositionupdate', 'compositionend'] as const) {
        const { left, controller } = shortcut();
        tapShift(input);
        tapShift(input);
        composition(input, type, 'ni');
        tapShift(input);
        expect(left, type).to.deep.equal([]);
        controller.hostDisconnected();
      }
    });

    it('does not count a Shift whose press an input method takes over (key "Process" before its keyup)', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Your message" />`);
      const { left } = shortcut();
      tapShift(input);
      tapShift(input);
      keyDown(input);
      keyDown(input, { key: 'Process', code: 'ShiftLeft', keyCode: 229 });
      keyUp(input);
      expect(left).to.deep.equal([]);
    });

    it('works again for three plain presses once the composition has ended', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Your message" />`);
      const { left } = shortcut();
      composition(input, 'compositionstart');
      composition(input, 'compositionend', '你');
      for (let i = 0; i < 3; i += 1) tapShift(input);
      expect(left).to.deep.equal([EXIT]);
    });

    it('keeps what was typed in a text field through a false trigger sequence, and does not leave', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Your message" />`);
      const { left } = shortcut();
      input.focus();
      await sendKeys({ type: 'I need to talk' });
      expect(input.value).to.equal('I need to talk');
      for (let i = 0; i < 3; i += 1) {
        composition(input, 'compositionstart');
        keyDown(input, { isComposing: true, keyCode: 229 });
        keyUp(input, { isComposing: true, keyCode: 229 });
        composition(input, 'compositionend');
        shiftClick(input);
      }
      expect(left).to.deep.equal([]);
      expect(input.value).to.equal('I need to talk');
      expect(document.documentElement.style.display).to.equal('');
      expect(document.activeElement).to.equal(input);
    });
  });

  describe('connection', () => {
    it('stops listening when its host disconnects, and listens again when it reconnects', () => {
      const { controller, left } = shortcut();
      tapShift();
      controller.hostDisconnected();
      tapShift();
      tapShift();
      tapShift();
      expect(left).to.deep.equal([]);
      controller.hostConnected();
      tapShift();
      tapShift();
      expect(left, 'nothing carried over from before the disconnect').to.deep.equal([]);
      tapShift();
      expect(left).to.deep.equal([EXIT]);
    });

    it('removes every listener it added on disconnect', () => {
      const added: string[] = [];
      const removed: string[] = [];
      const add = document.addEventListener;
      const remove = document.removeEventListener;
      document.addEventListener = function (this: Document, type: string, ...rest: unknown[]) {
        added.push(type);
        return (add as (...args: unknown[]) => void).call(this, type, ...rest);
      } as typeof document.addEventListener;
      document.removeEventListener = function (this: Document, type: string, ...rest: unknown[]) {
        removed.push(type);
        return (remove as (...args: unknown[]) => void).call(this, type, ...rest);
      } as typeof document.removeEventListener;
      try {
        const { controller } = shortcut();
        controller.hostDisconnected();
      } finally {
        // Drop the own properties, so the prototype's methods show through again.
        delete (document as Partial<Document>).addEventListener;
        delete (document as Partial<Document>).removeEventListener;
      }
      expect(added).to.include.members(['keydown', 'keyup', 'pointerdown', 'mousedown', 'touchstart']);
      expect(added).to.include.members(['compositionstart', 'compositionupdate', 'compositionend']);
      expect([...removed].sort()).to.deep.equal([...added].sort());
    });
  });
});

// Real key and mouse input through the browser (Playwright), since synthetic events may not match what Chromium
// sends. The controller sits on the stub host, so these tests do not depend on the element's rendering.
describe('QuickExitShortcut with real input from Chromium', () => {
  it('leaves on three real Shift presses, left, right and left', async () => {
    const { left } = shortcut();
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'ShiftRight' });
    expect(left).to.deep.equal([]);
    await sendKeys({ press: 'Shift' });
    expect(left).to.deep.equal([EXIT]);
  });

  it('does not leave on three real shift-clicks selecting checkbox rows', async () => {
    const { left } = shortcut();
    const boxes = await checkboxes();
    for (const box of boxes) {
      await sendKeys({ down: 'Shift' });
      await sendMouse({ type: 'click', position: centre(box) });
      await sendKeys({ up: 'Shift' });
    }
    expect(boxes.map((box) => box.checked)).to.deep.equal([true, true, true]);
    expect(left).to.deep.equal([]);
  });

  it('does not leave when real Shift+clicks extend a selection in what the student typed, and keeps the text', async () => {
    const { left } = shortcut();
    const input = await fixture<HTMLInputElement>(html`<input aria-label="Your message" />`);
    await sendMouse({ type: 'click', position: centre(input) });
    await sendKeys({ type: 'I feel alone tonight' });
    const [x, y] = centre(input);
    for (const dx of [-40, -20, 0]) {
      await sendKeys({ down: 'Shift' });
      await sendMouse({ type: 'click', position: [x + dx, y] });
      await sendKeys({ up: 'Shift' });
    }
    expect(left).to.deep.equal([]);
    expect(input.value).to.equal('I feel alone tonight');
  });

  it('does not leave after two real presses and a real shift-click', async () => {
    const { left } = shortcut();
    const [box] = await checkboxes(1);
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    await sendKeys({ down: 'Shift' });
    await sendMouse({ type: 'click', position: centre(box!) });
    await sendKeys({ up: 'Shift' });
    expect(left).to.deep.equal([]);
  });
});
