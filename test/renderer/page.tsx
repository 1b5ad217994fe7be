// What the page's component tests need in jsdom: the real API over the real backend (through the
// Electron bridge, the IPC hop replaced by a call), a React root, and the learner's hands (keys,
// clicks, typing) with a way to wait for the page to settle.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { dispatch } from '../../electron/api/dispatch.ts';
import type { Api } from '../../api/contract.ts';
import type { Backend } from '../../electron/backend.ts';
import { channelPrefix, makeTrainerApi } from '../../electron/shell/bridge.ts';
import { bridgeApi } from '../../renderer/api.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom lays nothing out: what the editor measures and what scrolls into view get empty answers.
Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();
Element.prototype.scrollIntoView = () => {};

/** The API the page would get from the Electron preload, served by this backend. */
export function apiOf(backend: Backend): Api {
  return bridgeApi(makeTrainerApi((channel, args) => dispatch(backend, channel.slice(channelPrefix.length), args)));
}

export class Page {
  readonly host = document.createElement('div');
  private readonly root: Root;

  constructor() {
    document.body.appendChild(this.host);
    this.root = createRoot(this.host);
  }

  async render(node: ReactNode): Promise<void> {
    await act(async () => this.root.render(node));
  }

  async close(): Promise<void> {
    await act(async () => this.root.unmount());
    this.host.remove();
  }

  $<E extends Element = HTMLElement>(selector: string): E | null {
    return this.host.querySelector<E>(selector);
  }

  text(): string {
    return this.host.textContent ?? '';
  }

  /** Waits, letting promises and timers run, until `check` holds. */
  async until(check: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (check()) return;
      await act(async () => {
        await new Promise((r) => setTimeout(r, 5));
      });
    }
    throw new Error(`never happened: ${what}; the page shows: ${this.text().slice(0, 400)}`);
  }

  /** A key pressed where the focus is, as a learner presses it. */
  async press(key: string, mods: { ctrlKey?: boolean } = {}): Promise<void> {
    const target = document.activeElement ?? document.body;
    await act(async () => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }));
    });
  }

  async click(el: Element | null | undefined, what: string): Promise<void> {
    if (!el) throw new Error(`nothing to click: ${what}`);
    await act(async () => {
      (el as HTMLElement).click();
    });
  }

  /** Picks an option of a select, as choosing it with the mouse or keys does. */
  async choose(select: HTMLSelectElement, value: string): Promise<void> {
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  /** Types into a text box or field the way React sees typing: the value set, then an input event. */
  async type(box: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
    await act(async () => {
      box.focus();
      const proto = box instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
}
