import main from '../locales/uz-Cyrl.json';
import cases from '../locales/cases/uz-Cyrl.json';
// The duplicates review texts sit under `review`: the main texts already use `duplicates` (registration warning, reasons, bands).
import review from '../locales/duplicates/uz-Cyrl.json';

/** Every text of the staff app in one language: one chunk, so a user downloads only the language they read. */
export default { ...main, cases, review };
