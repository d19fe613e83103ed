import { commandRef } from '../../../src/command/args.js';
import * as say from '../../../src/messages/catalogue.js';
import { bilingual, fromHint, NEXT_LABEL, toTerminal } from '../../../src/messages/message.js';
import { noticeFor } from '../../../src/slack/notice.js';

const cli = (w: string) => commandRef('cli', w);
const slack = (w: string) => commandRef('slack', w);

describe('the message catalogue', () => {
  it('renders Chinese first with English beside it, then the choices, then the next step, for the terminal', () => {
    const text = toTerminal(say.unknownTarget('prdo', ['local', 'prod'], 'oms.yml', cli));
    const lines = text.split('\n');
    expect(lines[0]).toBe('未知目标 "prdo" — 没有运行任何东西 / unknown target "prdo" — nothing was run');
    expect(lines[1]).toBe('可选 / Valid choices: local, prod');
    expect(lines[2]).toMatch(new RegExp(`^${NEXT_LABEL}: .*\`oms-chatops targets\``));
  });

  it('writes command hints as typed in the front end, from the same words', () => {
    const inSlack = toTerminal(say.unknownPlaybook('x', ['login'], slack));
    const inCli = toTerminal(say.unknownPlaybook('x', ['login'], cli));
    expect(inSlack).toContain('`/oms diagnose login`');
    expect(inCli).toContain('`oms-chatops diagnose login`');
    expect(inSlack.replace(/\/oms /g, '')).toBe(inCli.replace(/oms-chatops /g, ''));
  });

  it('renders as a Slack notice with the same text, choices and next step', () => {
    const m = say.unknownCheck('nope', ['backend-service'], slack);
    const notice = noticeFor(m);
    const blocks = JSON.stringify(notice.message.blocks);
    expect(notice.message.text).toContain(bilingual(m));
    expect(blocks).toContain('`backend-service`');
    expect(blocks).toContain(`*${NEXT_LABEL}:*`);
    expect(blocks).toContain('/oms check backend-service');
  });

  it('a message without Chinese or a next step is just its English line', () => {
    expect(toTerminal({ en: 'plain' })).toBe('plain');
    expect(toTerminal(fromHint('bad', 'do this'))).toBe(`bad\n${NEXT_LABEL}: do this`);
  });
});
