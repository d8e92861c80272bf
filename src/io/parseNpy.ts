/**
 * NumPy `.npy` arrays from bytes (format 1.0–3.0, as `numpy.save` writes them): a magic
 * string, a version, a header length, a Python dict literal header
 * (`{'descr': '<f4', 'fortran_order': False, 'shape': (1093, 384), }`), then the data.
 * Only what embeddings come as is read: 2-D float32 or float64 arrays in C order.
 * The file is untrusted: the shape is checked against the bytes present before anything is
 * allocated from it. Browser-safe (no `node:`).
 */
import { InputError } from '../errors.js'

/** A 2-D float array, rows back to back. */
export interface NpyMatrix {
  readonly rows: number
  readonly dimensions: number
  /** Values as float32, row-major. */
  readonly vectors: Float32Array
}

/** `\x93NUMPY`. */
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]
/** Longest header read: numpy writes a few hundred bytes. */
const MAX_HEADER = 65536

/**
 * Whether bytes start like a `.npy` file.
 * @param bytes File content.
 */
export function isNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((byte, i) => bytes[i] === byte)
}

/**
 * Parses a `.npy` file holding a 2-D float32 or float64 array in C order.
 * @param bytes File content.
 * @param file File name for messages.
 * @throws InputError on a file that is not `.npy`, is truncated, is not 2-D, is in Fortran
 * order, holds another dtype, or holds a NaN or infinite value (naming row and column).
 */
export function parseNpy(bytes: Uint8Array, file?: string): NpyMatrix {
  const place = file === undefined ? {} : { file }
  if (!isNpy(bytes)) throw new InputError('not a .npy file (no \\x93NUMPY magic)', place)
  const major = bytes[6]
  if (major !== 1 && major !== 2 && major !== 3) throw new InputError(`unsupported .npy format version ${String(major)}.${String(bytes[7])}`, place)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const lengthBytes = major === 1 ? 2 : 4
  if (bytes.length < 8 + lengthBytes) throw new InputError('truncated .npy header', place)
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true)
  const start = 8 + lengthBytes
  if (headerLength > MAX_HEADER || start + headerLength > bytes.length) throw new InputError(`truncated or oversized .npy header (${headerLength} bytes)`, place)
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLength))
  const { littleEndian, size, shape } = readHeader(header, place)
  if (shape.length !== 2) {
    throw new InputError(`expected a 2-D array (talks × dimensions), found shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''})`, { ...place, field: 'shape' })
  }
  const [rows, dimensions] = shape as [number, number]
  if (dimensions < 1) throw new InputError(`expected at least 1 dimension, found shape (${rows}, ${dimensions})`, { ...place, field: 'shape' })
  const dataStart = start + headerLength
  const needed = rows * dimensions * size
  if (bytes.length - dataStart < needed) {
    throw new InputError(`truncated .npy data: shape (${rows}, ${dimensions}) needs ${needed} bytes, the file has ${bytes.length - dataStart}`, place)
  }
  const vectors = new Float32Array(rows * dimensions)
  for (let p = 0; p < vectors.length; p++) {
    const at = dataStart + p * size
    const value = size === 4 ? view.getFloat32(at, littleEndian) : view.getFloat64(at, littleEndian)
    const stored = Math.fround(value)
    if (!Number.isFinite(stored)) {
      const what = Number.isFinite(value) ? `${value} (infinite as float32)` : String(value)
      throw new InputError(`${what} at row ${Math.floor(p / dimensions)}, column ${p % dimensions}`, { ...place, expected: 'finite numbers' })
    }
    vectors[p] = stored
  }
  return { rows, dimensions, vectors }
}

/**
 * The dtype and shape of a `.npy` header.
 * @param header Header text.
 * @param place File, for messages.
 */
function readHeader(header: string, place: { file?: string }): { littleEndian: boolean; size: number; shape: number[] } {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1]
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1]
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1]
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new InputError(`unreadable .npy header ${JSON.stringify(header.trim().slice(0, 80))}`, place)
  }
  const dtype = /^([<>|=])f([48])$/.exec(descr)
  if (dtype === null) {
    throw new InputError(`non-float .npy dtype '${descr}': expected float32 or float64 ('<f4', '<f8'); save with array.astype('float32')`, { ...place, field: 'descr' })
  }
  if (fortran === 'True') throw new InputError('Fortran-order .npy array: save a C-order array (numpy.ascontiguousarray)', { ...place, field: 'fortran_order' })
  const shape = shapeText.split(',').map((part) => part.trim()).filter((part) => part !== '').map(Number)
  if (shape.some((extent) => !Number.isSafeInteger(extent) || extent < 0)) throw new InputError(`unreadable .npy shape (${shapeText})`, { ...place, field: 'shape' })
  return { littleEndian: dtype[1] !== '>', size: Number(dtype[2]), shape }
}
