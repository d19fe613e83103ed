/** What a secret is replaced with. Redaction never matches it again, so redacting twice equals redacting once. */
export const REDACTED = '«redacted»';
