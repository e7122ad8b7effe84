import main from '../locales/ru.json';
import cases from '../locales/cases/ru.json';
// The duplicates review texts sit under `review`: the main texts already use `duplicates` (registration warning, reasons, bands).
import review from '../locales/duplicates/ru.json';

/** Every text of the staff app in one language: one chunk, so a user downloads only the language they read. */
export default { ...main, cases, review };
