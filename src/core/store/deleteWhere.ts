/** Deletes a map's entries that `drop` picks (deleting while iterating a Map is safe). */
export function deleteWhere<K, V>(map: Map<K, V>, drop: (value: V, key: K) => boolean): void {
  for (const [key, value] of map) {
    if (drop(value, key)) {
      map.delete(key);
    }
  }
}
