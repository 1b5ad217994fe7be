// Just enough of protobuf's wire format to read the few Anki messages an import needs (the
// package's meta, its media list, a note type's kind): varints and length-delimited fields.
import { BadFile } from './zip.ts';

export type ProtoValue = { wire: 0; value: number } | { wire: 2; bytes: Uint8Array } | { wire: 1 | 5; bytes: Uint8Array };

/** The fields of one message, by number, in order. Unknown wire types are refused with `place`. */
export function readMessage(buf: Uint8Array, place: string): Map<number, ProtoValue[]> {
  const out = new Map<number, ProtoValue[]>();
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= buf.length) throw new BadFile(place, 'ends in the middle of a protobuf number');
      const b = buf[pos++]!;
      result += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return result;
      mul *= 128;
    }
    throw new BadFile(place, 'holds a protobuf number longer than 10 bytes');
  };
  while (pos < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key & 7;
    let v: ProtoValue;
    if (wire === 0) v = { wire: 0, value: varint() };
    else if (wire === 2) {
      const len = varint();
      if (pos + len > buf.length) throw new BadFile(place, 'holds a protobuf field longer than the data left');
      v = { wire: 2, bytes: buf.subarray(pos, pos + len) };
      pos += len;
    } else if (wire === 1 || wire === 5) {
      const len = wire === 1 ? 8 : 4;
      if (pos + len > buf.length) throw new BadFile(place, 'ends in the middle of a protobuf field');
      v = { wire, bytes: buf.subarray(pos, pos + len) };
      pos += len;
    } else throw new BadFile(place, `is not a protobuf message this app can read (wire type ${wire})`);
    const list = out.get(field);
    if (list) list.push(v);
    else out.set(field, [v]);
  }
  return out;
}

export function numberField(msg: Map<number, ProtoValue[]>, field: number): number | null {
  const v = msg.get(field)?.[0];
  return v && v.wire === 0 ? v.value : null;
}

export function bytesFields(msg: Map<number, ProtoValue[]>, field: number): Uint8Array[] {
  return (msg.get(field) ?? []).flatMap((v) => (v.wire === 2 ? [v.bytes] : []));
}
