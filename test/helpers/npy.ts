/**
 * A `.npy` file as `numpy.save` writes it (format 1.0, header padded to a multiple of 64 bytes).
 * @param descr Dtype (`<f4`, `>f4`, `<f8`, `<i4`).
 * @param shape Shape.
 * @param values Values, written as that dtype.
 * @param fortran Whether the header says Fortran order.
 */
export function npyBytes(descr: string, shape: readonly number[], values: readonly number[], fortran = false): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`
  header += ' '.repeat(64 - ((10 + header.length + 1) % 64)) + '\n'
  const size = descr.endsWith('8') ? 8 : 4
  const start = 10 + header.length
  const out = new Uint8Array(start + values.length * size)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8])
  out.set(new TextEncoder().encode(header), 10)
  const view = new DataView(out.buffer)
  const little = !descr.startsWith('>')
  values.forEach((x, i) => {
    if (descr.slice(1) === 'i4') view.setInt32(start + i * 4, x, little)
    else if (size === 4) view.setFloat32(start + i * 4, x, little)
    else view.setFloat64(start + i * 8, x, little)
  })
  return out
}
