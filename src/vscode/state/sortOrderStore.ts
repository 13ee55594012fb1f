import * as vscode from 'vscode';
import { parseSortOrder, SortOrder } from '../../core/model/sortOrder';
import { CONTEXT_KEYS, STATE_KEYS } from '../ids';
import { StoredChoice } from './storedChoice';

/** The sidebar's sort order, synced with the list; the context key holds `manual`, `name` or `amount`. */
export class SortOrderStore extends StoredChoice<SortOrder> {
  constructor(state: vscode.Memento) {
    super({ state, key: STATE_KEYS.sortOrder, read: parseSortOrder, contextKey: CONTEXT_KEYS.sortBy, contextValue: (order) => order.by });
  }
}
