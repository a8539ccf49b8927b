// A binary min-heap of node ids keyed by distance, with decrease-key. Equal keys pop the lower id
// first, so shortest-path trees (and hence assignments) never depend on anything but the input.

export class IndexedHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.items[i]!] = -1;
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && a < b);
  }

  push(item: number, key: number): void {
    this.keys[item] = key;
    this.items[this.size] = item;
    this.position[item] = this.size;
    this.size++;
    this.up(this.size - 1);
  }

  decrease(item: number, key: number): void {
    this.keys[item] = key;
    this.up(this.position[item]!);
  }

  pop(): number {
    const top = this.items[0]!;
    this.position[top] = -1;
    this.size--;
    if (this.size > 0) {
      const last = this.items[this.size]!;
      this.items[0] = last;
      this.position[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(at: number): void {
    const { items, position } = this;
    const item = items[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = items[parent]!;
      if (!this.less(item, above)) break;
      items[at] = above;
      position[above] = at;
      at = parent;
    }
    items[at] = item;
    position[item] = at;
  }

  private down(at: number): void {
    const { items, position } = this;
    const item = items[at]!;
    const n = this.size;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && this.less(items[child + 1]!, items[child]!)) child++;
      if (!this.less(items[child]!, item)) break;
      items[at] = items[child]!;
      position[items[at]!] = at;
      at = child;
    }
    items[at] = item;
    position[item] = at;
  }
}
