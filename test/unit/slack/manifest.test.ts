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

  it('lets users write to the bot in a DM: the Messages tab is on and not read-only (Slack creates apps with it off)', () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('message.im');
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['im:history', 'files:read']));
  });

  it('docs/slack-settings.md names every scope and event the manifest asks for', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'slack-settings.md'), 'utf8');
    for (const name of [...manifest.oauth_config.scopes.bot, ...manifest.settings.event_subscriptions.bot_events])
      expect(doc).toContain(`\`${name}\``);
    expect(doc).toContain('messages_tab_enabled');
    expect(doc.replace(/\s+/g, ' ')).toContain('Allow users to send Slash commands and messages from the messages tab');
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
