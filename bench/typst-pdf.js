#!/usr/bin/env node
// bench/run's Typst peer: compiles one .typ file to a tagged PDF with the Typst compiler that
// the npm package @myriaddreamin/typst-ts-node-compiler wraps (bench/run installs it under
// bench/work/typst). Fonts: the system's (DejaVu Sans, as reap's PDFs embed), no downloads.
//
//   node bench/typst-pdf.js IN.typ OUT.pdf [MODULE_DIR]
'use strict';
const fs = require('fs');
const path = require('path');

const [input, output, moduleDir] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node bench/typst-pdf.js IN.typ OUT.pdf [MODULE_DIR]');
  process.exit(2);
}
const from = moduleDir ? path.resolve(moduleDir, 'node_modules') : undefined;
const { NodeCompiler } = require(from ? require.resolve('@myriaddreamin/typst-ts-node-compiler', { paths: [from] })
                                      : '@myriaddreamin/typst-ts-node-compiler');
const compiler = NodeCompiler.create({
  workspace: path.dirname(path.resolve(input)),
  fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype/dejavu'] }],
});
const doc = compiler.compile({ mainFilePath: path.resolve(input) });
const diag = doc.takeDiagnostics && doc.takeDiagnostics();
if (!doc.result) {
  console.error('typst: compile failed', diag ? JSON.stringify(compiler.fetchDiagnostics(diag)) : '');
  process.exit(1);
}
// PDF/UA-1, like reap's own output; tags are on by default
const pdf = compiler.pdf(doc.result, { pdfStandard: 'ua-1' });
fs.writeFileSync(output, pdf);
