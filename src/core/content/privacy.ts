/**
 * What stands for an amount while the privacy mask is on: no digit of it, nor of its change, nor
 * of its value in dollars, shows anywhere (tree, hover, status bar, Check Balance, tooltips,
 * notifications).
 */
export const MASKED_AMOUNT = '•••';
