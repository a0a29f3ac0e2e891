/**
 * npm run bench: what the gadgets cost a reader, an editor and a wiki, measured on the real
 * local wiki and in Chromium, beside the naive way where there is one. Writes
 * bench/results.json and docs/performance.md (tables, the machine, the date, and which
 * targets were met). Benchmarks are not tests: nothing here fails on a time.
 *
 *   npm run bench                    everything (the 5,000-member fixture takes minutes once)
 *   npm run bench -- --quick         fewer runs, no 5,000-member program
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build, FirstClick, SizeReport } from '../build.mjs';
import { deploy } from '../scripts/lib/deploy';
import { ensureInstalled, ensureMediaWiki, localWiki, ROOT, startServer } from '../scripts/lib/localwiki';
import { ActionRow, benchActions, benchPageViews, ExtraAction, GadgetBytes, median, PageViewRow } from './browser';
import { benchMatching, MatchingBench } from './matching';
import { benchReleases, releaseTable, ReleaseRow } from './releases';
import { benchParts, PartSize } from './parts';
import type { ConsoleBench } from './console';
import type { WelcomeBench } from './welcome';
import { benchSplit, othersTable, splitTable, SplitRow } from './split';
import { benchTrust, TrustFigures, trustReport } from './trust';
import { benchScale, benchStorage, benchSuggestions, ScaleRow, StorageLimit, SuggestionsFigures } from './scale';

/** The code split against the single module: first clicks as the build measures them, and in Chromium. */
interface SplitBench {
	build: { split: FirstClick[]; single: FirstClick[] };
	rows?: SplitRow[];
}

interface Results {
	date: string;
	machine: { cpus: string; cores: number; memoryGiB: number; os: string; node: string };
	build: { msMedian: number; runs: number; sizes: SizeReport[]; parts?: PartSize[] };
	pageViews?: { rows: PageViewRow[]; bytes: GadgetBytes };
	actions?: ActionRow[];
	scale?: ScaleRow[];
	suggestions?: SuggestionsFigures;
	matching?: MatchingBench;
	storage?: StorageLimit;
	releases?: ReleaseRow[];
	trust?: TrustFigures;
	split?: SplitBench;
	extra: Record<string, unknown>;
	errors: string[];
}

function log( line: string ): void {
	process.stdout.write( line + '\n' );
}

async function optional<T>( name: string, results: Results, fn: () => Promise<T> ): Promise<T | undefined> {
	log( `${ name }…` );
	try {
		return await fn();
	} catch ( e ) {
		const message = `${ name }: ${ e instanceof Error ? e.stack || e.message : String( e ) }`;
		results.errors.push( message );
		log( '  FAILED: ' + message );
		return undefined;
	}
}

/** Benchmarks of other features, when they exist (bench/welcome.ts, bench/console.ts). */
async function featureBenches( results: Results, quick: boolean ): Promise<ExtraAction[]> {
	const actions: ExtraAction[] = [];
	for ( const name of [ 'welcome', 'console' ] ) {
		const file = join( ROOT, 'bench', name + '.ts' );
		if ( !existsSync( file ) ) {
			continue;
		}
		const module = await import( pathToFileURL( file ).href ) as {
			benchAction?: ExtraAction;
			benchFeature?: ( options: { quick: boolean; log: ( line: string ) => void } ) => Promise<unknown>;
		};
		if ( module.benchAction ) {
			actions.push( module.benchAction );
		}
		if ( module.benchFeature ) {
			const figures = await optional( name, results, () => ( module.benchFeature as NonNullable<typeof module.benchFeature> )( { quick, log } ) );
			if ( figures !== undefined ) {
				results.extra[ name ] = figures;
			}
		}
	}
	return actions;
}

function kb( bytes: number ): string {
	return ( bytes / 1024 ).toFixed( 1 ) + ' KB';
}

/** Budgets of issue 17 for a first click: this project's code, and everything transferred. */
const CLICK_TARGETS: { feature: string; action: string; own: number; all?: number }[] = [
	{ feature: 'ask', action: 'open the ask dialog', own: 25, all: 130 },
	{ feature: 'welcome', action: 'open the welcome dialog', own: 35, all: 150 },
	{ feature: 'panel', action: 'open the panel (a mentee)', own: 60 },
];

const SPLIT_HEADING = '## Code split: split against single module';

/** What the figures of the split mean, and how issue 17's target for ask was reached. */
const SPLIT_NOTES = [
	'The panel\'s first click is a page load: "this project\'s code" counts the page\'s loaders too (`mentorship-match` and `mentorship-loader`, ' +
		'about 2.6 KB, which every page view with the gadgets on loads, and the browser then has), "of which the lazy code" only the panel\'s modules, ' +
		'which is what the build measures. For ask, welcome and the batch, the loaders were loaded with the page before the click, so the two are the same. ' +
		'The build gzips at level 9, the bench at 6, and ResourceLoader\'s minifier is not esbuild\'s, hence a few hundred bytes between them.',
	'',
	'How the first clicks came down (issue 17, 2026-12-01), measured per file with `node scripts/split-sizes.mjs`: esbuild splits by file, so a file ' +
		'some features share ships whole with each of them; the files a click loaded without running them were split by who uses them (RadioGroup, ' +
		'the program list, the roster changes, the message hazards, the client\'s program-list, rights and rights-log queries); the batch invitations ' +
		'became a feature of their own (`mentorship-core-batch`, loaded from the new-users log), so the welcome dialog no longer loads them; styles ' +
		'are per feature; the modules take each other\'s code through plain variables (no CommonJS interop and getters); the ES5 is minified again ' +
		'after lowering; the loaders\' labels are no longer bundled in the lazy code.',
	'',
	'How ask reached 25 KB (24.7 KB built, 24.9 KB in the browser, 2026-12-01; it was 27.9 KB and 27.7 KB): the dialog\'s later steps are a module of their own, `mentorship-core-asksend`, ' +
		'loaded on the first Preview (the button busy meanwhile; a failure shows in the form with Retry, and nothing typed is lost): building the post ' +
		'(`core/ask-post.ts`, and with it the wikitext builders), posting it, recording it in the profile, the writers\' edit summaries (`ui/writers.ts`), the ' +
		'result, and the rarest path, the choice after an unanswered question (its notice, RadioGroup and their messages: loaded when the dialog opens on ' +
		'that case, Preview off until it shows). Row "preview a question" above is what the first Preview costs then: the module and the chunks it needs ' +
		'that the dialog did not load, and the API\'s parse (in the single build, the parse alone). Three small async functions of the click became promise chains (smaller ES5). Opening the dialog still runs the client and store whole ' +
		'(their classes hold the write methods too) and the rest of TypeScript\'s async state machines: those are where more would come from.',
	'',
	'Welcome\'s 150 KB in all on 1.39: missed in this run, 159.1 KB, of which 48.2 KB from the API, on a test wiki holding 59 programs. Without the API the ' +
		'click is 110.9 KB: 32.6 KB of this project\'s code and OOUI with `mediawiki.storage` (80.7 KB module by module, above), which 1.39\'s talk page does ' +
		'not have (1.43\'s has OOUI already: 48.0 KB in all there, 15.4 KB of it the API of 16 programs). The welcome dialog reads every program\'s config and ' +
		'checks each one\'s trust chain, two requests a program: measured on 1.39 with a script clicking as the bench does (2026-12-01, this build\'s welcome ' +
		'code), 37 API requests and 16.0 KB with 17 programs on the wiki, 120 requests and 47.4 KB with 58, about 2 requests and 0.77 KB a program; the bench ' +
		'run of 03:06 UTC the same day (commit 7e6909f, the same welcome code) measured 113.5 KB in all with 2 programs. So on 1.39 the 150 KB holds up to ' +
		'about 47 programs, and the click takes longer with each (4435 ms with 59 programs, 951 ms with 2). Checking only the chosen program\'s trust chain ' +
		'would make the click independent of the number of programs: not done yet. The 152.7 KB measured before issue 17\'s last pass was the same effect (its ' +
		'welcome click transferred 38 KB more than its ask click, both loading the same single module and OOUI). What this pass cut from the clicks\' OOUI: the ' +
		'base declares only what it uses (the icon packs `icons-user` and `icons-alerts`, 1.5 KB each on 1.39, went to the console, the only feature showing ' +
		'them), and the panel and console no longer declare `icons-interactions` (4.8 KB), which neither shows: against the run of 03:06, the panel\'s first ' +
		'click is 4.3 KB (1.39) and 3.6 KB (1.43) less in all.',
];

function splitSection( s: SplitBench, targets: string[] ): string[] {
	const lines = [ SPLIT_HEADING, '' ];
	lines.push( 'The lazy code is split by feature (`build.mjs`, with esbuild\'s code splitting): one module per feature (`mentorship-core-ask`, `-asksend` (the ask dialog\'s steps from Preview on, loaded on the first Preview), `-welcome`, `-batch` (the invitations from the new-users log), `-panel`, ' +
		'and `-console`, which the panel loads when its tab is opened), `mentorship-core` for what every feature uses (client, store, formats, errors, the staged dialog base) ' +
		'and `mentorship-core-shared-…` for what only some features share. The same script with `single: true` (`node build.mjs --single`) builds the former layout, ' +
		'everything in `mentorship-core`; both are minified alike. First clicks as the build measures them (the modules a click loads, served and gzipped together, in English):', '' );
	lines.push( '| first click | split: modules | split | single | split / single | with Spanish messages (split / single) |', '|---|---|---:|---:|---:|---:|' );
	const single = s.build.single[ 0 ];
	for ( const c of s.build.split ) {
		lines.push( `| ${ c.feature } | ${ c.modules.map( ( m ) => '`' + m + '`' ).join( ' + ' ) } | ${ kb( c.gzip ) } | ${ single ? kb( single.gzip ) : '–' } | ` +
			`${ single ? ( c.gzip / single.gzip ).toFixed( 2 ) : '–' } | ${ c.withLanguage.es !== undefined ? kb( c.withLanguage.es ) : '–' } / ${ single && single.withLanguage.es !== undefined ? kb( single.withLanguage.es ) : '–' } |` );
	}
	lines.push( '' );
	if ( s.rows ) {
		lines.push( `In Chromium, each build deployed in turn to the same wiki, the first click of each action in a fresh browser (nothing cached), median of ${ s.rows[ 0 ] ? s.rows[ 0 ].runs : 0 }: ` +
			'the gadgets\' lazy modules it loaded, the load.php requests and the modules they named, the bytes of this project\'s code and of everything the click caused ' +
			'(load.php and api.php responses, gzipped), and the time from the click to a usable result. The ratios count; times on this 2-core machine are noisy.', '' );
		lines.push( ...splitTable( s.rows ), '' );
		if ( s.rows.some( ( r ) => r.others ) ) {
			lines.push( 'What else each click of the split build loaded: MediaWiki\'s and OOUI\'s modules the page did not have yet, each measured alone ' +
				'as load.php serves it (sent together they compress a little better, so the sum is above their share of "in all"), and the programs on the wiki ' +
				'(the welcome and batch dialogs read every program\'s config to offer those the user coordinates: their API bytes grow with them):', '' );
			lines.push( ...othersTable( s.rows ), '' );
		}
	}
	for ( const t of CLICK_TARGETS ) {
		const built = s.build.split.find( ( c ) => c.feature === t.feature );
		if ( built ) {
			targets.push( `the first click on ${ t.feature }, this project's code at most ${ t.own } KB gzipped (build): ${ built.gzip <= t.own * 1024 ? 'met' : 'MISSED' }, ${ kb( built.gzip ) }` );
		}
		for ( const row of ( s.rows || [] ).filter( ( r ) => r.layout === 'split' && r.action === t.action ) ) {
			const loaders = row.ownBytes !== row.lazyBytes ? ` (${ kb( row.ownBytes ) } with the page's loaders: ${ row.ownBytes <= t.own * 1024 ? 'met' : 'MISSED' })` : '';
			targets.push( `${ row.release }: ${ t.action }, this project's lazy code at most ${ t.own } KB (browser): ${ row.lazyBytes <= t.own * 1024 ? 'met' : 'MISSED' }, ${ kb( row.lazyBytes ) }${ loaders }` +
				( t.all ? `; at most ${ t.all } KB in all: ${ row.allBytes <= t.all * 1024 ? 'met' : 'MISSED' }, ${ kb( row.allBytes ) }` : '' ) );
		}
	}
	return lines;
}

/** The code split section alone (`npm run bench -- --only split`): replaces its section of docs/performance.md and its figures in bench/results.json. */
async function onlySplit( quick: boolean ): Promise<void> {
	// The commit measured: read before the run writes its results.
	const commit = commitOf();
	const split = await splitBuild();
	split.rows = await benchSplit( quick ? 2 : 5, log );
	const resultsFile = join( ROOT, 'bench', 'results.json' );
	const results = JSON.parse( readFileSync( resultsFile, 'utf8' ) ) as Results;
	results.split = split;
	writeFileSync( resultsFile, JSON.stringify( results, null, '\t' ) + '\n' );
	const docFile = join( ROOT, 'docs', 'performance.md' );
	const doc = readFileSync( docFile, 'utf8' );
	const targets: string[] = [];
	const section = splitSection( split, targets ).join( '\n' ) + '\n' +
		`Targets of this section (measured ${ new Date().toISOString().slice( 0, 16 ).replace( 'T', ' ' ) } UTC at commit ${ commit }, \`npm run bench -- --only split\`, build and browser figures from this one run):\n\n` + targets.map( ( t ) => '- ' + t ).join( '\n' ) + '\n\n' +
		SPLIT_NOTES.join( '\n' ) + '\n\n';
	const start = doc.indexOf( SPLIT_HEADING );
	let updated: string;
	if ( start >= 0 ) {
		const next = doc.indexOf( '\n## ', start + SPLIT_HEADING.length );
		updated = doc.slice( 0, start ) + section + ( next >= 0 ? doc.slice( next + 1 ) : '' );
	} else {
		const at = doc.indexOf( '\n## ', doc.indexOf( '## Build' ) + 1 );
		updated = at >= 0 ? doc.slice( 0, at + 1 ) + section + doc.slice( at + 1 ) : doc + '\n' + section;
	}
	writeFileSync( docFile, updated );
	log( 'Updated the code split section of docs/performance.md and bench/results.json' );
}

/** The commit measured (with "+ changes" when the work tree differs from it). */
function commitOf(): string {
	const head = execFileSync( 'git', [ 'rev-parse', '--short', 'HEAD' ], { cwd: ROOT, encoding: 'utf8' } ).trim();
	const dirty = execFileSync( 'git', [ 'status', '--porcelain', '--untracked-files=no' ], { cwd: ROOT, encoding: 'utf8' } ).trim();
	return dirty ? head + ' + changes' : head;
}

/** Both layouts built by the same script: what each first click costs. */
async function splitBuild(): Promise<SplitBench> {
	const dir = mkdtempSync( join( tmpdir(), 'mentorship-single-' ) );
	const single = ( await build( { quiet: true, single: true, outDir: dir } ) ).clicks;
	rmSync( dir, { recursive: true, force: true } );
	const split = ( await build( { quiet: true } ) ).clicks;
	return { build: { split, single } };
}

function report( r: Results ): string {
	const lines: string[] = [];
	lines.push( '# Performance', '' );
	lines.push( `Measured by \`npm run bench\` on ${ r.date.slice( 0, 10 ) }: ${ r.machine.cpus }, ${ r.machine.cores } cores, ` +
		`${ r.machine.memoryGiB } GiB, ${ r.machine.os }, Node ${ r.machine.node }; MediaWiki 1.39 (Debian 12; 1.43 from Debian 13 where said) on PHP's built-in ` +
		'server with SQLite on 127.0.0.1, Chromium (Debian) headless. Times depend on this machine; requests and bytes do not. ' +
		'The raw figures are in `bench/results.json`.', '' );
	const targets: string[] = [];
	lines.push( '## Build', '' );
	lines.push( `A full build takes ${ r.build.msMedian } ms (median of ${ r.build.runs }).`, '' );
	lines.push( '| gadget | stored (raw) | served (minified) | served gzipped | budget (gzipped) |', '|---|---:|---:|---:|---:|' );
	for ( const s of r.build.sizes ) {
		lines.push( `| ${ s.gadget } | ${ kb( s.total.raw ) } | ${ kb( s.total.served ) } | ${ kb( s.total.servedGzip ) } | ${ s.budget.gzip ? kb( s.budget.gzip ) : '–' } |` );
		if ( s.budget.gzip ) {
			targets.push( `${ s.gadget } within its budget (${ kb( s.budget.gzip ) } gzipped): ${ s.over ? 'MISSED by ' + kb( s.total.servedGzip - s.budget.gzip ) : 'met, ' + kb( s.total.servedGzip ) }` );
		}
	}
	lines.push( '' );
	if ( r.build.parts ) {
		lines.push( 'Parts of the shared code (each measured alone, with what it imports; parts share code, so they do not add up):', '' );
		lines.push( '| part | served (minified) | gzipped |', '|---|---:|---:|' );
		for ( const p of r.build.parts ) {
			lines.push( `| ${ p.part } | ${ kb( p.served ) } | ${ kb( p.gzip ) } |` );
		}
		const data = r.build.parts[ 0 ];
		if ( data ) {
			targets.push( `the client and store add at most 12 KB gzipped: ${ data.gzip <= 12 * 1024 ? 'met, ' + kb( data.gzip ) : 'MISSED, ' + kb( data.gzip ) }` );
		}
		lines.push( '' );
	}
	if ( r.split ) {
		lines.push( ...splitSection( r.split, targets ) );
	}
	if ( r.releases ) {
		lines.push( '## Releases and skins', '' );
		lines.push( 'A page view of an article by a mentee with the ask gadget on, and opening "Ask my mentor" until the question box takes input ' +
			`(median of ${ r.releases[ 0 ] ? r.releases[ 0 ].runs : 0 }), on each release and skin in one run:`, '' );
		lines.push( ...releaseTable( r.releases ), '' );
		for ( const row of r.releases ) {
			const foreign = row.modulesAdded.filter( ( m ) => !/^ext\.gadget\.mentorship-/.test( m ) );
			targets.push( `${ row.release } ${ row.skin }: a page view makes no API request and adds no module but the gadgets' own: ` +
				`${ row.apiRequests === 0 && !foreign.length ? 'met' : `MISSED (${ row.apiRequests } requests; ${ foreign.join( ', ' ) })` }` );
		}
	}
	if ( r.pageViews ) {
		lines.push( '## Page views', '' );
		lines.push( `A logged-in user with all three gadgets on, against the same user with them off; ${ r.pageViews.rows[ 0 ] ? r.pageViews.rows[ 0 ].loads : 0 } loads each, medians. ` +
			`The three loaders cost ${ kb( r.pageViews.bytes.raw ) } (${ kb( r.pageViews.bytes.gzip ) } gzipped) as ResourceLoader serves them, cached by the browser after the first view.`, '' );
		lines.push( '| page | API requests (on / off) | load.php requests (on / off) | OOUI loaded by the gadgets | load time on | load time off | ratio |', '|---|---:|---:|---|---:|---:|---:|' );
		for ( const row of r.pageViews.rows ) {
			lines.push( `| ${ row.page } | ${ row.on.apiRequests } / ${ row.off.apiRequests } | ${ row.on.loadRequests } / ${ row.off.loadRequests } | ${ row.on.ooui ? 'yes' : 'no' } | ${ row.on.loadMs } ms | ${ row.off.loadMs } ms | ${ row.ratio } |` );
			targets.push( `page view of the ${ row.page }: 0 API requests and no OOUI — ${ row.on.apiRequests === row.off.apiRequests && !row.on.ooui ? 'met' : 'MISSED' }` );
		}
		lines.push( '' );
	}
	if ( r.actions ) {
		lines.push( '## Actions', '' );
		lines.push( 'From the click to a usable result, medians. Bytes: the API and ResourceLoader responses the action caused, gzipped as a production server sends them (opening the ask dialog also loads the shared code and OOUI, once; the browser caches them).', '' );
		lines.push( '| action | API requests | bytes | time | runs |', '|---|---:|---:|---:|---:|' );
		for ( const a of r.actions ) {
			lines.push( `| ${ a.action } | ${ a.apiRequests } | ${ kb( a.bytes ) } | ${ a.ms } ms | ${ a.runs } |` );
		}
		const open = r.actions.find( ( a ) => a.action === 'open the ask dialog' );
		if ( open ) {
			targets.push( `API requests between the click and a usable ask dialog (target 1): ${ open.apiRequests === 1 ? 'met' : 'MISSED, ' + open.apiRequests }` );
		}
		lines.push( '' );
	}
	if ( r.scale ) {
		lines.push( '## Loading a program', '', 'Config, roster, every member\'s profile, edit count, registration, groups and block state.', '' );
		lines.push( '| members | requests | time | naive requests (one per member) | naive time |', '|---:|---:|---:|---:|---:|' );
		for ( const s of r.scale ) {
			lines.push( `| ${ s.members } | ${ s.gadgets.requests } | ${ s.gadgets.ms } ms | ${ s.naive.requests } | ${ s.naive.ms } ms |` );
		}
		lines.push( '', 'Requests grow by one per 50 members (the API\'s limit of titles and users per request for a normal account), against one per member the naive way.', '' );
		const five = r.scale.find( ( s ) => s.members === 500 );
		if ( five ) {
			targets.push( `loading 500 members in at most 25 requests: ${ five.gadgets.requests <= 25 ? 'met, ' + five.gadgets.requests : 'MISSED, ' + five.gadgets.requests }` );
		}
	}
	if ( r.suggestions ) {
		const g = r.suggestions;
		const req = median( g.runs.map( ( x ) => x.requests ) );
		const ms = median( g.runs.map( ( x ) => x.ms ) );
		lines.push( '## Suggestions in a large program', '' );
		lines.push( `A mentee opens the panel of a program of ${ g.mentees.toLocaleString( 'en' ) } mentees and ${ g.mentors } mentors: the panel's own load (config and roster; then the mentors' and the viewer's profiles, accounts and last week's edits, 50 a request; mentees' profiles are not read) and the ranking ` +
			`took ${ req } API requests and ${ ms } ms (median of ${ g.runs.length }); ${ g.offered } mentors were offered.`, '' );
		targets.push( `suggestions among ${ g.mentors } mentors and ${ g.mentees.toLocaleString( 'en' ) } mentees in at most 10 requests: ${ req <= 10 ? 'met' : 'MISSED' }, ${ req }` );
	}
	if ( r.matching ) {
		lines.push( '## Matching a cohort', '', 'The exact assignment (min-cost flow) against greedy, on seeded cohorts; both in Node.', '' );
		lines.push( '| mentees × mentors | places | optimal: time | optimal: total fit | greedy: time | greedy: total fit | gain |', '|---|---:|---:|---:|---:|---:|---:|' );
		for ( const m of r.matching.rows ) {
			lines.push( `| ${ m.mentees } × ${ m.mentors } | ${ m.places } | ${ m.optimal.ms } ms | ${ m.optimal.total } | ${ m.greedy.ms } ms | ${ m.greedy.total } | ${ m.gainPercent }% |` );
		}
		lines.push( '', `The exact solver agreed with brute force on ${ r.matching.exactness.agree } of ${ r.matching.exactness.instances } small cohorts (up to ${ r.matching.exactness.maxMentees } mentees and ${ r.matching.exactness.maxMentors } mentors).`, '' );
		const row = r.matching.rows.find( ( m ) => m.mentees === 2000 );
		if ( row ) {
			targets.push( `matching 2,000 × 200 under 1 second: ${ row.optimal.ms < 1000 ? 'met, ' + row.optimal.ms + ' ms' : 'MISSED, ' + row.optimal.ms + ' ms' }` );
		}
	}
	if ( r.storage ) {
		const s = r.storage;
		lines.push( '## The storage limit', '' );
		lines.push( `The wiki's page-size limit is ${ kb( s.maxArticleBytes ) }. As designed (each roster entry with a mentor and a milestone; pages stored tab-indented), one roster page holds ` +
			`${ s.rosterMembers.toLocaleString( 'en' ) } members and one monthly invitation log ${ s.invitationsPerMonth.toLocaleString( 'en' ) } invitations. ` +
			`Measured on the wiki: a roster of ${ s.onWiki.saved.toLocaleString( 'en' ) } members saved, one of ${ s.onWiki.refused.toLocaleString( 'en' ) } was refused (${ s.onWiki.refusedKind }).`, '' );
		lines.push( 'Below 20,000 members, so both pages shard by a stable hash of the member\'s name (FNV-1a of the UTF-8 name, modulo the count; `config.shards`, see docs/data-format.md). ' +
			`With the most shards the format allows (${ s.maxShards }), and allowing for uneven shards, a program holds about ${ s.rosterMembersSharded.toLocaleString( 'en' ) } members ` +
			`and ${ s.invitationsPerMonthSharded.toLocaleString( 'en' ) } invitations a month.`, '' );
		targets.push( `a program of 20,000 members fits: ${ s.rosterMembersSharded >= 20000 ? 'met (sharded)' : 'MISSED' }` );
	}
	const welcome = r.extra.welcome as WelcomeBench | undefined;
	if ( welcome ) {
		lines.push( '## Welcome and invitations', '' );
		lines.push( `Checking ${ welcome.checks.users } accounts before a batch (existence, blocks, groups, opt-outs, earlier invitations) took ${ welcome.checks.requests } API requests and ${ welcome.checks.ms } ms.`, '' );
		lines.push( 'A batch of invitations sent as the batch dialog sends them (paced by the edit limit the wiki reports for the inviter; maxlag and `ratelimited` waited out and retried):', '' );
		lines.push( '| inviter | edit limit | invitations | sent | failed | `ratelimited` answers | edits | API requests | time | least time the limit allows |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|' );
		for ( const b of welcome.batches ) {
			lines.push( `| ${ b.account } | ${ b.editLimit ? `${ b.editLimit.hits } in ${ b.editLimit.seconds } s` : 'none' } | ${ b.invitations } | ${ b.sent } | ${ b.failed } | ${ b.ratelimited } | ${ b.edits } | ${ b.requests } | ${ b.seconds } s | ${ b.paceSeconds } s |` );
			targets.push( `${ b.invitations } invitations (${ b.account }) without a rate-limit failure: ${ b.ratelimited === 0 && b.failed === 0 && b.sent === b.invitations ? 'met' : `MISSED (${ b.ratelimited } ratelimited, ${ b.failed } failed)` }` );
		}
		lines.push( '', 'Edits are the posts plus the writes of the monthly invitation log (records are written in groups).', '' );
		targets.push( `checks of ${ welcome.checks.users } users in at most 2 requests: ${ welcome.checks.requests <= 2 ? 'met' : 'MISSED' }, ${ welcome.checks.requests }` );
	}
	const coord = r.extra.console as ConsoleBench | undefined;
	if ( coord ) {
		lines.push( '## The coordinator console', '' );
		lines.push( 'The dashboard\'s data (config, roster, every member\'s profile, account, recent contributions and rights changes, the invitation logs), read by the console\'s own code for the scale programs above; 3 runs each.', '' );
		lines.push( '| members | API requests | time (median) |', '|---:|---:|---:|' );
		for ( const d of coord.dashboard ) {
			lines.push( `| ${ d.members } | ${ median( d.runs.map( ( x ) => x.requests ) ) } | ${ median( d.runs.map( ( x ) => x.ms ) ) } ms |` );
			if ( d.members === 500 ) {
				const req = median( d.runs.map( ( x ) => x.requests ) );
				targets.push( `the dashboard of 500 members in at most 25 requests: ${ req <= 25 ? 'met' : 'MISSED' }, ${ req }` );
			}
		}
		lines.push( '' );
		const c = coord.matching.chromium;
		if ( 'skipped' in c ) {
			lines.push( `Matching in Chromium: not measured (${ c.skipped }).`, '' );
		} else {
			lines.push( `Matching a cohort as the console does in the browser (the ES5 bundle in Chromium): ${ c.mentees } mentees × ${ c.mentors } mentors (${ c.places } free places) in ${ c.ms } ms ` +
				`(the proposal ${ c.proposeMs } ms; median of ${ c.runs }); ${ c.matched } pairs with a total fit of ${ c.total }, against ${ c.greedy.total } for first-come greedy ` +
				`with ${ c.greedy.matched } pairs (${ c.gainPercent === null ? 'n/a' : '+' + c.gainPercent + '%' }). In Node ${ coord.node }: ${ coord.matching.node.ms } ms.`, '' );
			targets.push( `matching ${ c.mentees.toLocaleString( 'en' ) } × ${ c.mentors } in the browser under 1 second: ${ c.ms < 1000 ? 'met' : 'MISSED' }, ${ c.ms } ms` );
		}
	}
	if ( r.trust ) {
		lines.push( ...trustReport( r.trust ) );
		const list = median( r.trust.list.runs.map( ( x ) => x.requests ) );
		targets.push( `the program list in at most 1 request for the titles and 1 per 50 programs (${ r.trust.list.programs } programs): ${ list <= 1 + Math.ceil( r.trust.list.programs / 50 ) ? 'met' : 'MISSED' }, ${ list }` );
	}
	lines.push( '## Targets', '' );
	for ( const t of targets ) {
		lines.push( '- ' + t );
	}
	if ( r.errors.length ) {
		lines.push( '', '## Not measured in this run', '' );
		for ( const e of r.errors ) {
			lines.push( '- ' + e.split( '\n' )[ 0 ] );
		}
	}
	return lines.join( '\n' ) + '\n';
}

async function main(): Promise<void> {
	const { values } = parseArgs( { options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } } );
	const quick = !!values.quick;
	if ( values.only === 'split' ) {
		await onlySplit( quick );
		return;
	}
	const cpu = cpus();
	const results: Results = {
		date: new Date().toISOString(),
		machine: {
			cpus: cpu[ 0 ] ? cpu[ 0 ].model.trim() : 'unknown',
			cores: cpu.length,
			memoryGiB: Math.round( totalmem() / 1024 ** 3 ),
			os: 'Linux ' + release(),
			node: process.version,
		},
		build: { msMedian: 0, runs: 0, sizes: [] },
		extra: {},
		errors: [],
	};
	log( 'Build…' );
	const times: number[] = [];
	let sizes: SizeReport[] = [];
	for ( let i = 0; i < 3; i++ ) {
		const start = performance.now();
		sizes = ( await build( { quiet: true } ) ).report;
		times.push( Math.round( performance.now() - start ) );
	}
	results.build = { msMedian: median( times ), runs: times.length, sizes };
	results.build.parts = await optional( 'Parts of the shared code', results, benchParts );

	const wiki = localWiki( 'test' );
	ensureMediaWiki( wiki.release );
	ensureInstalled( wiki );
	await startServer( wiki );
	await deploy( { api: wiki.api, auth: { username: wiki.bot.name, password: wiki.bot.password }, log: () => undefined, build: false } );

	results.pageViews = await optional( 'Page views', results, () => benchPageViews( wiki, quick ? 3 : 11, log ) );
	const extra = await featureBenches( results, quick );
	results.actions = await optional( 'Actions', results, () => benchActions( quick ? 1 : 5, log, extra ) );
	results.scale = await optional( 'Scale', results, () => benchScale( wiki, quick ? [ 50, 500 ] : [ 50, 500, 5000 ], log ) );
	results.suggestions = await optional( 'Suggestions', results, () => benchSuggestions( wiki, log ) );
	results.matching = await optional( 'Matching', results, async () => benchMatching( undefined, quick ? 50 : 300 ) );
	results.storage = await optional( 'Storage limit', results, () => benchStorage( wiki ) );
	results.trust = await optional( 'Trust', results, () => benchTrust( wiki, log, quick ? 1 : 3 ) );
	results.releases = await optional( 'Releases and skins', results, () => benchReleases( quick ? 2 : 5, log ) );
	results.split = await optional( 'Code split against single module', results, async () => {
		const split = await splitBuild();
		split.rows = await benchSplit( quick ? 2 : 5, log );
		return split;
	} );

	writeFileSync( join( ROOT, 'bench', 'results.json' ), JSON.stringify( results, null, '\t' ) + '\n' );
	writeFileSync( join( ROOT, 'docs', 'performance.md' ), report( results ) );
	log( 'Wrote bench/results.json and docs/performance.md' + ( results.errors.length ? ` (${ results.errors.length } sections failed)` : '' ) );
}

main().catch( ( e: unknown ) => {
	process.stderr.write( ( e instanceof Error ? e.stack || e.message : String( e ) ) + '\n' );
	process.exit( 1 );
} );
