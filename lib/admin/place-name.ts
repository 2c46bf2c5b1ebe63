// One rule for the place a profile sentence names, shared with the public pages so the editor's
// preview and the Word export say exactly what readers will see.
export { placeShortName as placeNameOf } from '@/lib/public/format';
