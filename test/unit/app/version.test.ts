import { readFileSync } from 'node:fs';
import { version } from '../../../src/app/version.js';
import { testConfig } from '../approvals/fake-server.js';

describe('version', () => {
  it("answers package.json's version, the Node version and the config file in use", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const config = testConfig();
    expect(version({ config })).toEqual({ version: pkg.version, node: process.version, config: config.source });
  });
});
