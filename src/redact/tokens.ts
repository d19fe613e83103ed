import { REDACTED } from './marker.js';

/**
 * Secrets recognisable by their own shape, with no name beside them: private
 * key blocks, JWTs, AWS access key ids (and 40-character secret keys in a text
 * that mentions AWS), Slack and GitHub tokens.
 */

/** A key block up to its END line, or to the end of a cut text; the marker it leaves is not matched again. */
const PEM_LINE = (word: string) => `-----${word} [A-Z ]*PRIVATE KEY(?: BLOCK)?-----`;
const PEM_BLOCK = new RegExp(`${PEM_LINE('BEGIN')}(?! ${REDACTED})[\\s\\S]*?(?:${PEM_LINE('END')}|$)`, 'g');
const JWT = /(?<![\w-])eyJ[\w-]{4,}\.eyJ[\w-]{4,}\.[\w-]*/g;
const AWS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g;
/** A text that talks about AWS: then a lone 40-character base64 word is taken for a secret access key. */
const AWS_HINT = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])|aws/i;
const AWS_SECRET = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const HEX = /^[0-9a-f]+$/i;
const SLACK_TOKEN = /(?<![\w-])x(?:ox[abposre]|app)-[A-Za-z0-9-]{8,}/g;
const GITHUB_TOKEN = /(?<!\w)(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,})/g;

export function redactPrivateKeys(text: string): string {
  return text.replace(PEM_BLOCK, `-----BEGIN PRIVATE KEY----- ${REDACTED}`);
}

export function redactTokens(text: string): string {
  const aws = AWS_HINT.test(text);
  let out = text.replace(JWT, REDACTED).replace(AWS_KEY_ID, REDACTED);
  // A git commit id is 40 hex digits, not a key.
  if (aws) out = out.replace(AWS_SECRET, (word) => (HEX.test(word) ? word : REDACTED));
  return out.replace(SLACK_TOKEN, REDACTED).replace(GITHUB_TOKEN, REDACTED);
}
