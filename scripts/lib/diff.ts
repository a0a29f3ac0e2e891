/** A small line diff for `deploy --dry-run` (unified format, 3 lines of context). */

type Op = { kind: ' ' | '-' | '+'; line: string };

function lcsOps( a: string[], b: string[] ): Op[] {
	// Trim the common head and tail, then an LCS table on what is left (deploy diffs are small).
	let head = 0;
	while ( head < a.length && head < b.length && a[ head ] === b[ head ] ) {
		head++;
	}
	let tail = 0;
	while ( tail < a.length - head && tail < b.length - head && a[ a.length - 1 - tail ] === b[ b.length - 1 - tail ] ) {
		tail++;
	}
	const x = a.slice( head, a.length - tail );
	const y = b.slice( head, b.length - tail );
	const ops: Op[] = a.slice( 0, head ).map( ( line ) => ( { kind: ' ', line } ) );
	if ( x.length * y.length > 4e6 ) {
		ops.push( ...x.map( ( line ) => ( { kind: '-' as const, line } ) ), ...y.map( ( line ) => ( { kind: '+' as const, line } ) ) );
	} else {
		const table: number[][] = [];
		for ( let i = 0; i <= x.length; i++ ) {
			table.push( new Array( y.length + 1 ).fill( 0 ) );
		}
		for ( let i = x.length - 1; i >= 0; i-- ) {
			for ( let j = y.length - 1; j >= 0; j-- ) {
				table[ i ]![ j ] = x[ i ] === y[ j ] ? table[ i + 1 ]![ j + 1 ]! + 1 : Math.max( table[ i + 1 ]![ j ]!, table[ i ]![ j + 1 ]! );
			}
		}
		let i = 0;
		let j = 0;
		while ( i < x.length || j < y.length ) {
			if ( i < x.length && j < y.length && x[ i ] === y[ j ] ) {
				ops.push( { kind: ' ', line: x[ i ]! } );
				i++;
				j++;
			} else if ( i < x.length && ( j === y.length || table[ i + 1 ]![ j ]! >= table[ i ]![ j + 1 ]! ) ) {
				// Removals before additions, as diff(1) and git show a replaced line.
				ops.push( { kind: '-', line: x[ i ]! } );
				i++;
			} else {
				ops.push( { kind: '+', line: y[ j ]! } );
				j++;
			}
		}
	}
	ops.push( ...a.slice( a.length - tail ).map( ( line ) => ( { kind: ' ' as const, line } ) ) );
	return ops;
}

export function unifiedDiff( before: string, after: string, name: string, context = 3 ): string {
	const a = before === '' ? [] : before.split( '\n' );
	const b = after === '' ? [] : after.split( '\n' );
	const ops = lcsOps( a, b );
	const out: string[] = [ `--- ${ name } (on the wiki)`, `+++ ${ name } (this build)` ];
	let i = 0;
	while ( i < ops.length ) {
		if ( ops[ i ]!.kind === ' ' ) {
			i++;
			continue;
		}
		let start = Math.max( 0, i - context );
		let end = i;
		// Extend the hunk while changes are within 2*context of each other.
		for ( let k = i; k < ops.length; k++ ) {
			if ( ops[ k ]!.kind !== ' ' ) {
				end = k;
			} else if ( k - end > 2 * context ) {
				break;
			}
		}
		end = Math.min( ops.length - 1, end + context );
		let aLine = 1;
		let bLine = 1;
		for ( let k = 0; k < start; k++ ) {
			if ( ops[ k ]!.kind !== '+' ) {
				aLine++;
			}
			if ( ops[ k ]!.kind !== '-' ) {
				bLine++;
			}
		}
		const hunk = ops.slice( start, end + 1 );
		const aCount = hunk.filter( ( o ) => o.kind !== '+' ).length;
		const bCount = hunk.filter( ( o ) => o.kind !== '-' ).length;
		// An empty range is numbered by the line before it (0: the start of the text).
		out.push( `@@ -${ aCount ? aLine : aLine - 1 },${ aCount } +${ bCount ? bLine : bLine - 1 },${ bCount } @@` );
		for ( const op of hunk ) {
			out.push( op.kind + op.line );
		}
		i = end + 1;
		start = i;
	}
	return out.join( '\n' );
}
