import { verbsFor, VERB_TABLE } from '../../../src/command/verbs.js';
import { helpMessage } from '../../../src/slack/help.js';
import { testConfig } from '../../helpers/fake-slack-harness.js';

describe('the Slack help', () => {
  it('lists every verb the table offers in Slack, as /oms …, and none it does not', () => {
    const text = JSON.stringify(helpMessage([], testConfig()).message.blocks);
    for (const v of verbsFor('slack')) expect(text).toContain(`/oms ${v.name}`);
    for (const v of VERB_TABLE.filter((x) => x.offeredIn.slack === undefined))
      expect(text).not.toContain(`/oms ${v.name}`);
    // The verbs it used to leave out.
    for (const name of ['run', 'audit', 'users']) expect(text).toContain(`/oms ${name}`);
  });

  it('shows a parse problem and its next step above the help', () => {
    const text = JSON.stringify(
      helpMessage([], testConfig(), { error: 'show needs a playbook', hint: 'e.g. `/oms show login`' }).message.blocks,
    );
    expect(text).toContain('show needs a playbook');
    expect(text).toContain('下一步 / Next:* e.g. `/oms show login`');
  });
});
