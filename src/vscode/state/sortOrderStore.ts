import * as vscode from 'vscode';
import { parseSortOrder, SortOrder } from '../../core/model/sortOrder';
import { CONTEXT_KEYS, STATE_KEYS } from '../ids';
import { StoredChoice } from './storedChoice';

/** The sidebar's sort order, synced with the list; the context key holds `manual`, `name` or `amount`. */
export class SortOrderStore extends StoredChoice<SortOrder> {
  constructor(state: vscode.Memento) {
    super(state, STATE_KEYS.sortOrder, parseSortOrder, CONTEXT_KEYS.sortBy, (order) => order.by);
  }
}
