import highsLoader, { Highs } from 'highs';

let loading: Promise<Highs> | undefined;

/**
 * Loads the HiGHS WebAssembly module once per process: compiling it takes a noticeable fraction of a second, and
 * every solve creates (and disposes) its own model inside the same runtime. Solver output is not printed.
 */
export function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = highsLoader({}).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  }
  return loading;
}

/** A C++ exception aborts the Emscripten runtime for good, so the next solve must load a fresh one. */
export function discardHighs(): void {
  loading = undefined;
}
