/**
 * Same contract as the worker's `Disposable` (itself borrowed from VS Code): the library may
 * construct it through the core module and expects `dispose()` to be idempotent.
 */
export class Disposable {
  /** Combines several disposables into one. */
  static from(...items: { dispose(): unknown }[]): Disposable {
    let pending: ReadonlyArray<{ dispose(): unknown }> | undefined = items;
    return new Disposable(() => {
      for (const item of pending ?? []) if (typeof item?.dispose === 'function') item.dispose();
      pending = undefined;
    });
  }

  #onDispose?: () => unknown;

  constructor(onDispose: () => unknown) {
    this.#onDispose = onDispose;
  }

  /** Runs the callback once; later calls do nothing. */
  dispose(): unknown {
    const callback = this.#onDispose;
    this.#onDispose = undefined;
    return typeof callback === 'function' ? callback() : undefined;
  }
}
