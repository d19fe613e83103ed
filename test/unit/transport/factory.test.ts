import { localTarget, type Target } from '../../../src/config/target.js';
import { targetSchema } from '../../../src/config/target-schema.js';
import { createTransportPool } from '../../../src/transport/factory.js';
import { TransportError } from '../../../src/transport/transport.js';

const remote: Target = {
  name: 'prod',
  ...targetSchema.parse({
    host: '127.0.0.1',
    port: 1,
    user: 'omsbot',
    privateKey: '/nonexistent/oms-chatops-test-key',
    hostKey: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  }),
};

describe('createTransportPool', () => {
  it('gives one transport per target name, local without SSH', async () => {
    const pool = createTransportPool({ env: {} });
    expect(pool.get(localTarget()).describe).toBe('local');
    expect(pool.get(remote)).toBe(pool.get({ ...remote }));
    expect(pool.get(remote).describe).toBe('omsbot@127.0.0.1:1');
    // Closing before any command neither loads ssh2 nor fails.
    await expect(pool.closeAll()).resolves.toBeUndefined();
  });

  it('loads the SSH transport at the first command, which then fails as the SSH transport does', async () => {
    const pool = createTransportPool({ env: {} });
    const err = await pool
      .get(remote)
      .exec(['true'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).code).toBe('key_unreadable');
    expect((err as TransportError).message).toContain('/nonexistent/oms-chatops-test-key');
    await pool.closeAll();
  });

  it('connect() loads the SSH transport and fails as a command would; the local target has nothing to open', async () => {
    const pool = createTransportPool({ env: {} });
    expect(pool.get(localTarget()).connect).toBeUndefined();
    const err = await pool.get(remote).connect!().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).code).toBe('key_unreadable');
    await pool.closeAll();
  });
});
