import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  it('is a Socket Mode app with /oms, interactivity and the message events', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/oms']);
    expect(manifest.features.slash_commands[0].usage_hint.length).toBeLessThanOrEqual(1000);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_mention',
      'message.channels',
      'message.groups',
      'message.im',
      'message.mpim',
    ]);
  });

  it('asks for exactly the scopes the code uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'app_mentions:read',
        'channels:history',
        'chat:write',
        'commands',
        'files:read',
        'files:write',
        'groups:history',
        'im:history',
        'mpim:history',
        'usergroups:read',
      ].sort(),
    );
  });
});
