import wabt from 'wabt';

/** The .wat text compiled to a binary module (the features the kernels use: bulk memory, saturating conversions, 128-bit SIMD). */
export async function compileWat(text: string, name: string): Promise<Uint8Array> {
  const w = await wabt();
  const mod = w.parseWat(name, text, { bulk_memory: true, sat_float_to_int: true, simd: true });
  try {
    mod.validate();
    return new Uint8Array(mod.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    mod.destroy();
  }
}
