import type { types } from '@slack/bolt';

/** The Slack SDK's Block Kit types this layer uses beyond messages (src/render/block-limits.ts has those). */
export type ModalView = types.ModalView;
