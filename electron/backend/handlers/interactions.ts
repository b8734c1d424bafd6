import { getInteraction, getInteractionFacets, queryInteractions } from '../interactions/service';
import type { Handlers } from './types';

export const interactionHandlers: Handlers<'queryInteractions' | 'getInteraction' | 'getInteractionFacets'> =
  {
    queryInteractions: (input, ctx) => queryInteractions(ctx.db, input),
    getInteraction: ({ id }, ctx) => getInteraction(ctx.db, id),
    getInteractionFacets: (_input, ctx) => getInteractionFacets(ctx.db),
  };
