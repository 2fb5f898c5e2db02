#!/usr/bin/env node
// `wasm-opt -Oz` for many modules in one process (Binaryen's JS API from the npm `binaryen`
// package): the split build makes hundreds of small chunks, and the `wasm-opt` command of that
// package spends seconds loading itself for each one.
//
//   node scripts/wasm_opt_batch.mjs [--unreachable <regex> ...] <in.wasm> <out.wasm> [<in.wasm> <out.wasm> ...]
//
// `--unreachable`: the functions whose name (from the module's name section) matches become a
// trap before optimising, so what only they call goes too; for code the caller knows is never
// run or only ends in a trap anyway (the survey frame: see widget/post_build.py). The output has
// no name section.
//
// Features: the ones rustc's wasm32 target uses (what `--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
// --enable-mutable-globals --enable-reference-types --enable-multivalue` turn on for the CLI).
import { readFileSync, writeFileSync } from 'node:fs';
import binaryen from 'binaryen';

const F = binaryen.Features;
const FEATURES =
  F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.BulkMemoryOpt | F.SignExt | F.ReferenceTypes |
  F.CallIndirectOverlong | F.Multivalue;

const args = process.argv.slice(2);
const unreachable = [];
while (args[0] === '--unreachable') {
  unreachable.push(new RegExp(args[1]));
  args.splice(0, 2);
}
const files = args;
if (files.length === 0 || files.length % 2 !== 0) {
  console.error('usage: wasm_opt_batch.mjs <in.wasm> <out.wasm> [...]');
  process.exit(2);
}
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(false);
// As the command line does for -O levels: Stack IR is made and optimised when writing.
binaryen.setGenerateStackIR(true);
binaryen.setOptimizeStackIR(true);
for (let i = 0; i < files.length; i += 2) {
  const module = binaryen.readBinary(readFileSync(files[i]));
  module.setFeatures(FEATURES);
  if (unreachable.length > 0) {
    trap(module, unreachable);
  }
  module.optimize();
  if (!module.validate()) {
    console.error(`wasm_opt_batch: ${files[i]} does not validate after optimising`);
    process.exit(1);
  }
  writeFileSync(files[i + 1], module.emitBinary());
  module.dispose();
}

/** Makes every function of `module` whose name matches one of `patterns` a trap. */
function trap(module, patterns) {
  let trapped = 0;
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const func = module.getFunctionByIndex(i);
    const { name, module: imported } = binaryen.getFunctionInfo(func);
    if (imported === '' && patterns.some((pattern) => pattern.test(name))) {
      binaryen._BinaryenFunctionSetBody(func, module.unreachable());
      trapped++;
    }
  }
  if (trapped === 0) {
    console.error('wasm_opt_batch: no function matches --unreachable (has the module its names?)');
    process.exit(1);
  }
}
