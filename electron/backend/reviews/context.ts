import type { EarlierContact, ReviewContext } from '../../../shared/ipc/contracts/reviewLifecycle';
import type { ReviewFormDefinition } from '../../../shared/reviews/form';
import { reviewHints } from '../../../shared/reviews/hints';
import type { BackendContext } from '../core/context';
import { getInteraction } from '../interactions/service';
import { activeFormVersionId } from './lifecycle';

const NO_FORM: ReviewFormDefinition = { name: '', sections: [] };

/**
 * What the workspace shows beside the form: the interaction, the customer's earlier contacts
 * (a repeat contact is judged with its history) and hints from the data matched to the criteria.
 */
export function getReviewContext(
  ctx: BackendContext,
  input: { interactionId: number; formVersionId?: string; earlierLimit: number },
): ReviewContext {
  const interaction = getInteraction(ctx.db, input.interactionId);
  const earlierContacts =
    interaction.customerId === null || input.earlierLimit === 0
      ? []
      : ctx.db
          .all<
            Omit<EarlierContact, 'resolved' | 'isComplaint'> & {
              resolved: number | null;
              isComplaint: number | null;
            }
          >(
            `SELECT i.id, i.started_at AS startedAt, i.channel, a.name AS agentName, i.topic, i.subject,
                    i.resolved, i.csat_score AS csat, i.csat_scale AS csatScale, i.is_complaint AS isComplaint
               FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id
              WHERE i.customer_id = ? AND i.started_at < ? AND i.id <> ?
              ORDER BY i.started_at DESC, i.id DESC LIMIT ?`,
            [interaction.customerId, interaction.startedAt, interaction.id, input.earlierLimit],
          )
          .map((c) => ({
            ...c,
            resolved: c.resolved === null ? null : c.resolved === 1,
            isComplaint: c.isComplaint === null ? null : c.isComplaint === 1,
          }));
  const formVersionId = input.formVersionId ?? activeFormVersionId(ctx);
  const row = formVersionId
    ? ctx.db.get<{ json: string }>('SELECT definition_json AS json FROM review_form_versions WHERE id = ?', [
        formVersionId,
      ])
    : undefined;
  const definition = row ? (JSON.parse(row.json) as ReviewFormDefinition) : NO_FORM;
  return {
    interaction,
    earlierContacts,
    hints: reviewHints(interaction, definition),
    formVersionId: row ? (formVersionId ?? null) : null,
  };
}
