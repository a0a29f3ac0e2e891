import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
const defs = readdirSync('gadgets').filter(f=>f.endsWith('.json')).map(f=>{ try { return JSON.parse(readFileSync('gadgets/'+f)); } catch(e) { return {}; } });
const entries = {}; for (const d of defs) if (d.feature) entries[d.feature]=d.script;
const opts = { bundle: true, write: false, format: 'esm', minify: true, target: 'es2017', metafile: true, plugins: [{ name: 'v', setup(b){ b.onResolve({filter:/^mentorship:/}, a=>({path:a.path, external:true})); } }] };
const alone = await esbuild.build({ ...opts, entryPoints: ['src/gadgets/mentorship-core-ask/main.ts'] });
const a = Object.values(alone.metafile.outputs)[0].inputs;
const split = await esbuild.build({ ...opts, entryPoints: entries, splitting: true, outdir: 'o', chunkNames: 'chunk-[hash]' });
const outs = split.metafile.outputs;
// ask's closure
const askOut = Object.keys(outs).find(k => outs[k].entryPoint && outs[k].entryPoint.includes('core-ask'));
const seen = new Set(); const st=[askOut];
while (st.length) { const k=st.pop(); if (seen.has(k)) continue; seen.add(k); for (const i of outs[k].imports) if (i.kind==='import-statement' && outs[i.path]) st.push(i.path); }
const s = {}; for (const k of seen) for (const [f,v] of Object.entries(outs[k].inputs)) s[f]=(s[f]||0)+v.bytesInOutput;
const rows = Object.keys(s).map(f=>[f, s[f], a[f]?a[f].bytesInOutput:0]).sort((x,y)=>(y[1]-y[2])-(x[1]-x[2]));
for (const [f,x,y] of rows) if (x-y>50) console.log(String(x-y).padStart(6), String(x).padStart(6), String(y).padStart(6), f);
