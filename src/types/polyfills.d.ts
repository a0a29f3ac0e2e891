/**
 * Run-time additions that MediaWiki 1.39 guarantees through the `es6-polyfills` module
 * (a dependency of mentorship-core): Array find, findIndex, includes and from. The
 * TypeScript library is ES5 otherwise, so anything else modern is a type error.
 */
interface Array<T> {
	find( predicate: ( value: T, index: number, obj: T[] ) => unknown ): T | undefined;
	findIndex( predicate: ( value: T, index: number, obj: T[] ) => unknown ): number;
	includes( searchElement: T, fromIndex?: number ): boolean;
}

interface ArrayConstructor {
	from<T>( arrayLike: ArrayLike<T> ): T[];
}
