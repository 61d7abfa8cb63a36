export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

/** Messages for the user: errors from the host, confirmations of saves and exports. */
class NoticeStore {
  items = $state<Notice[]>([]);
  connected = $state(true);
  private next = 1;

  push(kind: Notice['kind'], text: string, ttlMs = kind === 'error' ? 9000 : 3500): void {
    const id = this.next++;
    this.items = [...this.items, { id, kind, text }];
    setTimeout(() => this.dismiss(id), ttlMs);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }
}

export const notices = new NoticeStore();
