/** npm run stop: stops the local wikis' servers (the data stays in .wiki/). */

import { localWiki, RELEASES, stopServer } from './lib/localwiki';

for ( const wiki of RELEASES.flatMap( ( release ) => [ localWiki( 'dev', release ), localWiki( 'test', release ) ] ) ) {
	if ( stopServer( wiki ) ) {
		process.stdout.write( `Stopped the ${ wiki.name } wiki (${ wiki.server }).\n` );
	}
}
