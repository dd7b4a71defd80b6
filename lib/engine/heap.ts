// A binary min-heap of (time, key) pairs on typed arrays: the kernel's event queue and ready queue.
// Ordered by time, then by key; preallocated to its capacity, so it never allocates while running.

export class TimedHeap {
  readonly time: Float64Array;
  readonly key: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.time = new Float64Array(capacity);
    this.key = new Int32Array(capacity);
  }

  push(time: number, key: number): void {
    const T = this.time;
    const K = this.key;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (T[p] < time || (T[p] === time && K[p] <= key)) break;
      T[i] = T[p];
      K[i] = K[p];
      i = p;
    }
    T[i] = time;
    K[i] = key;
  }

  /** Removes the smallest pair (read it first from time[0] and key[0]). */
  pop(): void {
    const T = this.time;
    const K = this.key;
    const n = --this.size;
    if (n === 0) return;
    const time = T[n];
    const key = K[n];
    let i = 0;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= n) break;
      if (m + 1 < n && (T[m + 1] < T[m] || (T[m + 1] === T[m] && K[m + 1] < K[m]))) m++;
      if (time < T[m] || (time === T[m] && key <= K[m])) break;
      T[i] = T[m];
      K[i] = K[m];
      i = m;
    }
    T[i] = time;
    K[i] = key;
  }
}
