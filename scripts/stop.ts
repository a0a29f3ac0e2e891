/** npm run stop: stops the local wikis' servers (the data stays in .wiki/). */

import { localWiki, stopServer } from './lib/localwiki';

for ( const wiki of [ localWiki( 'dev', 8765 ), localWiki( 'test', 8766 ) ] ) {
	if ( stopServer( wiki ) ) {
		process.stdout.write( `Stopped the ${ wiki.name } wiki (${ wiki.server }).\n` );
	}
}
