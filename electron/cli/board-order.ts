// Shared with the HTML report (shared/report), which orders its runs as the board does.
export { boardOrder } from '../../shared/board-order.js';
