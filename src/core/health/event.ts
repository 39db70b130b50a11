// A minimal typed event, shaped like VS Code's (`event(listener) → { dispose }`) so the editor glue
// can pass it around, without importing `vscode` into the core.

interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Disposable;

export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // A failing listener must not stop the others or the poller.
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
