/** Before any UI test file is imported: the page's libraries, as ResourceLoader would have loaded them. */
import { loadLibraries } from './ooui';

loadLibraries();
