import { classifyNgram, NULL_CLASS, type NgramModel } from './ngram-model.js';
import { NGRAM_FIRM, type Offerable } from './ngram-offer.js';

/**
 * An answer the rules are not firm about (below NGRAM_FIRM) is dropped when the classifier reads the message as
 * unrelated (its null class) at this probability or more and no log line a playbook knows was pasted: the list of
 * playbooks instead, the rules' playbook named first in it. Measured on messages neither the rules nor the
 * classifier had learned from (docs/intent.md, "Round 22: the classifier against the context rules"): four of eight
 * false alarms gone, no right answer lost; on the rounds the rules were tuned on, six right answers of 3,240 lost.
 */
export const NGRAM_VETO_NULL = 0.99;

/**
 * Does the classifier overrule an answer as unrelated? Only an answer below NGRAM_FIRM, with no signature line
 * (`known`), that the classifier reads as its null class at NGRAM_VETO_NULL or more. Pure.
 */
export function readAsUnrelated(result: Offerable, text: string, model: NgramModel | null, known: boolean): boolean {
  if (!model || known || result.outcome === 'none' || result.confidence >= NGRAM_FIRM) return false;
  const [best] = classifyNgram(model, text);
  return best?.label === NULL_CLASS && best.p >= NGRAM_VETO_NULL;
}
