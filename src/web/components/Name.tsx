// The name of a record in the reader's language (the portal's localised component).
export { Name } from '../portal/localise.js';
