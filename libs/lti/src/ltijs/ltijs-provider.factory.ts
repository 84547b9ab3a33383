import type { LtijsProvider } from './ltijs.types';

/**
 * The one place that loads ltijs. ltijs exports a single Provider instance whose `setup()` refuses a second call, so
 * each Nest application (and each e2e suite booting its own) gets a fresh instance of the same class. `deploy()` is
 * never called: it would install a SIGINT handler and call `process.exit()` on database errors; opening our own
 * database plugin is all it does in serverless mode.
 */
export function createLtijsProvider(): LtijsProvider {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Provider } = require('ltijs') as { Provider: { constructor: new () => LtijsProvider } };
  return new Provider.constructor();
}
