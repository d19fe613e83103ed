import { ConfigError, parseConfig } from '../../src/config/config.js';

/** The ConfigError that parsing `text` (as oms-chatops.yml) throws; fails the test when it parses. */
export function configErrorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'oms-chatops.yml');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}
