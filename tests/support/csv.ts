/** Reading back what src/core/export.ts writes. */

/** Parses CSV as toCsv writes it (for checking an export): rows of fields. */
export function parseCsv( text: string ): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charAt( 0 ) === '\ufeff' ? 1 : 0;
	let any = false;
	for ( ; i < text.length; i++ ) {
		const c = text.charAt( i );
		any = true;
		if ( quoted ) {
			if ( c === '"' && text.charAt( i + 1 ) === '"' ) {
				field += '"';
				i++;
			} else if ( c === '"' ) {
				quoted = false;
			} else {
				field += c;
			}
		} else if ( c === '"' ) {
			quoted = true;
		} else if ( c === ',' ) {
			row.push( field );
			field = '';
		} else if ( c === '\r' || c === '\n' ) {
			if ( c === '\r' && text.charAt( i + 1 ) === '\n' ) {
				i++;
			}
			row.push( field );
			rows.push( row );
			row = [];
			field = '';
			any = false;
		} else {
			field += c;
		}
	}
	if ( any ) {
		row.push( field );
		rows.push( row );
	}
	return rows;
}
