import {
  CALIBRATION_FILE_VERSION,
  PACKET_EXTENSION,
  PACKET_FORMAT,
  type PacketFile,
} from '../../../shared/calibration/files';
import { UserFacingError } from '../../../shared/ipc/result';
import { currentActor, type AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';
import { getInteraction } from '../interactions/service';
import { getReviewContext } from '../reviews/context';
import { contentHashOf } from './hash';
import { loadSession, sessionDefinition, sessionEvaluators, sessionInteractionIds } from './sessionRead';

export const fileSlug = (name: string): string =>
  name
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'calibration';

/**
 * One file an evaluator on another machine opens: the session id and name, the listed evaluators,
 * the form version and each interaction's facts with the customer's earlier contacts, exactly as
 * the workspace shows them. Nothing about other reviews travels with it.
 */
export function exportPacket(
  ctx: BackendContext,
  sessionId: string,
  audit: AuditTrail,
): { fileName: string; json: string } {
  const session = loadSession(ctx, sessionId);
  if (session.state !== 'scoring')
    throw new UserFacingError(
      'conflict',
      session.state === 'draft'
        ? `Start scoring "${session.name}" first: the packet fixes its interactions and evaluators.`
        : `"${session.name}" was revealed: blind scoring is over, so there is no packet to send.`,
    );
  const interactions = sessionInteractionIds(ctx, sessionId).map((id) => ({
    interaction: { ...getInteraction(ctx.db, id), reviews: [], importBatchId: null, importFileName: null },
    earlierContacts: getReviewContext(ctx, {
      interactionId: id,
      earlierLimit: 5,
      formVersionId: session.formVersionId,
    }).earlierContacts,
  }));
  const body: Omit<PacketFile, 'contentHash'> = {
    format: PACKET_FORMAT,
    formatVersion: CALIBRATION_FILE_VERSION,
    session: {
      id: session.id,
      name: session.name,
      evaluators: sessionEvaluators(ctx, sessionId),
      exportedBy: currentActor(ctx),
      exportedAt: nowIso(ctx),
    },
    form: {
      id: session.formId,
      versionId: session.formVersionId,
      version: session.formVersion,
      definition: sessionDefinition(ctx, session),
    },
    interactions,
  };
  const contentHash = contentHashOf(body);
  audit.record({ entityId: session.id, action: 'packet exported', after: { contentHash } });
  return {
    fileName: `${fileSlug(session.name)}.${PACKET_EXTENSION}`,
    json: `${JSON.stringify({ ...body, contentHash }, null, 2)}\n`,
  };
}
