import main from '../locales/en.json';
import cases from '../locales/cases/en.json';
// The duplicates review texts sit under `review`: the main texts already use `duplicates` (registration warning, reasons, bands).
import review from '../locales/duplicates/en.json';

/** Every text of the staff app in one language: one chunk, so a user downloads only the language they read. */
export default { ...main, cases, review };
