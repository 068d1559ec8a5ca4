// heic-decode ships no types. It decodes the primary image of a HEIC/HEIF file with libheif
// compiled to WebAssembly, transformations (rotation, mirroring) applied, as RGBA pixels.
declare module 'heic-decode' {
  interface DecodedHeic {
    width: number;
    height: number;
    data: Uint8ClampedArray;
  }
  function decode(input: { buffer: Uint8Array | ArrayBuffer }): Promise<DecodedHeic>;
  export default decode;
}
