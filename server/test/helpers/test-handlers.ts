import { HttpProblem } from '../../src/http/problem.ts';
import type { HandlerMap } from '../../src/routes/handler-types.ts';

/** A door a handler waits at until the test opens it; `entered` resolves once a request is waiting. */
export class Gate {
  private openDoor!: () => void;
  private signalEntered!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.openDoor = resolve));
  readonly entered = new Promise<void>((resolve) => (this.signalEntered = resolve));

  async pass(): Promise<void> {
    this.signalEntered();
    await this.opened;
  }

  open(): void {
    this.openDoor();
  }
}

export interface TestHandlerState {
  /** How many times the create handler really ran (replays do not count). */
  created: number;
  gate: Gate;
}

export function createTestState(): TestHandlerState {
  return { created: 0, gate: new Gate() };
}

/** Handlers for the test-only operations of test-contract.ts. */
export function testHandlers(state: TestHandlerState): HandlerMap {
  return {
    'GET /test-only/items/{itemId}': (c, input) =>
      c.json({ path: input.path, query: input.query, headers: input.headers }),
    'POST /test-only/items': async (c, input) => {
      const body = input.body as { name: string };
      if (body.name === 'boom') throw new Error('test handler failure with a stack');
      if (body.name === 'busy') throw new HttpProblem(429, { headers: { 'Retry-After': '2' } });
      if (body.name === 'slow') await state.gate.pass();
      state.created += 1;
      return c.json({ id: state.created, name: body.name }, 201, {
        Location: `/api/v1/test-only/items/${state.created}`,
      });
    },
    'GET /test-only/slow': async (c) => {
      await state.gate.pass();
      return c.json({ done: true });
    },
  };
}
