import { classifyNgram, NULL_CLASS, type NgramModel } from './ngram-model.js';
import { NGRAM_FIRM, NGRAM_REASON, type Offerable } from './ngram-offer.js';

/**
 * Where the rules place a message on another system (or read it as an announcement or a textbook question) but
 * their best candidate is the playbook the classifier reads it as, at this probability or more, that playbook is
 * offered as a choice (never run, never suggested unasked). Measured on messages neither the rules nor the
 * classifier had learned from (docs/intent.md, "Round 22: the classifier against the context rules"): the context
 * rules silenced 18 of 432 OMS reports there (a createsuperuser transcript read as mail for its "Email address:",
 * a Jenkins pipeline, a WAF in front of OMS), 14 of them this sure. A long paste makes the classifier surest; the
 * look-alikes the rules were tuned to place elsewhere ("mysqld.service 起不来 status=217/USER", "the gunicorn on the ETL
 * box keeps getting SIGTERM") sit mostly between 0.999 and this.
 */
export const NGRAM_ELSEWHERE_P = 0.99999;

/**
 * An answer the rules are not firm about (below NGRAM_FIRM) is dropped when the classifier reads the message as
 * unrelated (its null class) at this probability or more and no log line a playbook knows was pasted: the list of
 * playbooks instead. On the same messages: four of eight false alarms gone, one right answer lost.
 */
export const NGRAM_VETO_NULL = 0.99;

/**
 * A message the context rules placed elsewhere (the result is `none`) whose best-scoring playbook, `rulesBest`, is the
 * classifier's reading at NGRAM_ELSEWHERE_P or more: choices of that playbook alone. Pure.
 */
export function overruleElsewhere<R extends Offerable>(
  result: R,
  text: string,
  model: NgramModel | null,
  rulesBest: { id: string; title: string; confidence: number } | undefined,
): R {
  if (!model || !rulesBest || result.outcome !== 'none') return result;
  const [best] = classifyNgram(model, text);
  if (!best || best.label !== rulesBest.id || best.p < NGRAM_ELSEWHERE_P) return result;
  return {
    ...result,
    playbook: { id: rulesBest.id, title: rulesBest.title },
    confidence: rulesBest.confidence,
    alternatives: result.alternatives.filter((c) => c.id !== rulesBest.id).slice(0, 2),
    outcome: 'choices',
    choices: [{ ...rulesBest, reason: NGRAM_REASON }],
    nearest: undefined,
    passive: false,
  };
}

/**
 * Does the classifier overrule an answer as unrelated? Only an answer below NGRAM_FIRM, with no signature line
 * (`known`), that the classifier reads as its null class at NGRAM_VETO_NULL or more. Pure.
 */
export function readAsUnrelated(result: Offerable, text: string, model: NgramModel | null, known: boolean): boolean {
  if (!model || known || result.outcome === 'none' || result.confidence >= NGRAM_FIRM) return false;
  const [best] = classifyNgram(model, text);
  return best?.label === NULL_CLASS && best.p >= NGRAM_VETO_NULL;
}
