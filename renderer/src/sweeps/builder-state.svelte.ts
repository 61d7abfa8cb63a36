/** Whether the sweep builder is open: the panel's button and the menu's "New sweep…" both open it. */
class SweepBuilderState {
  open = $state(false);
}

export const sweepBuilder = new SweepBuilderState();
