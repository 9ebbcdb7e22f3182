// Builds the staff editor bundle and the licence notices of every package it contains.
// Run with `npm ci && npm run build`; CI checks the committed output is what this produces.
import { build } from "esbuild";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const out = "../ClinicBlog.Web/wwwroot/js";
const result = await build({
  entryPoints: ["src/editor.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  banner: { js: "/*! ClinicBlog staff editor. Bundled packages and their licences: /js/editor.licenses.txt */" },
  outfile: `${out}/editor.js`,
  metafile: true,
});

// Each package with code in the bundle (not those tree-shaken away) once, by its package.json, with its licence text.
const packages = new Map();
const bundled = Object.values(result.metafile.outputs)[0].inputs;
for (const input of Object.keys(bundled).filter((name) => bundled[name].bytesInOutput > 0)) {
  const match = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (match && !packages.has(match[1])) {
    packages.set(match[1], JSON.parse(readFileSync(join(match[1], "package.json"), "utf8")));
  }
}
const notices = [...packages.entries()]
  .sort(([, a], [, b]) => a.name.localeCompare(b.name))
  .map(([folder, manifest]) => {
    const file = readdirSync(folder).find((name) => /^licen[cs]e/i.test(name));
    const text = file ? readFileSync(join(folder, file), "utf8").trim() : `License: ${manifest.license}`;
    return `${manifest.name} ${manifest.version} (${manifest.license})\n\n${text}\n`;
  });
writeFileSync(`${out}/editor.licenses.txt`,
  "The staff editor (/js/editor.js) bundles these packages from npm, under these licences.\n\n" +
  notices.join("\n" + "-".repeat(72) + "\n\n"));
console.log(`editor.js: ${readFileSync(`${out}/editor.js`).length} bytes, ${packages.size} packages`);
