import type { RecoveryOffer } from '../../../shared/schemas/recovery.js';

/** The copies of unsaved work on offer (session:recovery): the recovery banner lists them. */
class RecoveryStore {
  offer = $state.raw<RecoveryOffer>({ copies: [], damaged: [] });
  pending = $derived(this.offer.copies.length + this.offer.damaged.length > 0);
}

export const recovery = new RecoveryStore();
