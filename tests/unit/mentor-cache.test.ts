import { describe, expect, it } from 'vitest';
import { MENTOR_OPTION } from '../../src/core/program';
import { WikiClient } from '../../src/wiki/client';
import { mentorCacheOption, OptionsCopy } from '../../src/wiki/mentor-cache';
import { apiError, FakeClock, ScriptedTransport } from './fakes/transport';
import { failure } from '../support/failure';

function copy( initial: Record<string, string | null> = {} ): OptionsCopy & { values: Record<string, string | null> } {
	const values = { ...initial };
	return { values, get: ( key ) => values[ key ], set: ( key, value ) => {
		values[ key ] = value;
	} };
}

describe( 'the cached mentor (src/wiki/mentor-cache.ts, the one writer of userjs-mentorship)', () => {
	it( 'saves through the API, then in the page\'s copy; reads the copy', async () => {
		const t = new ScriptedTransport( () => ( { options: 'success' } ) );
		const options = copy();
		const cache = mentorCacheOption( new WikiClient( { transport: t, clock: new FakeClock() } ), options );
		expect( cache.read() ).toBeNull();
		await cache.save( { program: 'p', mentor: 'Mara' } );
		expect( t.calls.map( ( c ) => [ c.params.action, c.params.optionname, c.params.optionvalue ] ) ).toEqual( [ [ 'options', MENTOR_OPTION, '{"v":2,"program":"p","mentor":"Mara"}' ] ] );
		expect( cache.read() ).toEqual( { program: 'p', mentor: 'Mara' } );
		await cache.save( null );
		expect( t.calls[ 1 ]!.params.optionvalue ).toBeUndefined();
		expect( [ options.values[ MENTOR_OPTION ], cache.read() ] ).toEqual( [ null, null ] );
	} );

	it( 'leaves the page\'s copy as it was when the wiki refuses', async () => {
		const t = new ScriptedTransport( () => apiError( 'readonly' ) );
		const options = copy( { [ MENTOR_OPTION ]: '{"v":1,"program":"p","mentor":"Mara"}' } );
		const cache = mentorCacheOption( new WikiClient( { transport: t, clock: new FakeClock() } ), options );
		expect( ( await failure( cache.save( null ) ) ).kind ).toBe( 'readonly' );
		expect( cache.read() ).toEqual( { program: 'p', mentor: 'Mara' } );
	} );
} );
