import * as vscode from 'vscode';
import { parseSortOrder, SortOrder } from '../../core/model/sortOrder';
import { STATE_KEYS } from '../ids';
import { StoredChoice } from './storedChoice';

/**
 * The sidebar's sort order, synced with the list. Its context key is the sidebar's to set: it
 * holds the order applied (a value sort pauses while values are off), which menus must follow.
 */
export class SortOrderStore extends StoredChoice<SortOrder> {
  constructor(state: vscode.Memento) {
    super({ state, key: STATE_KEYS.sortOrder, read: parseSortOrder });
  }
}
