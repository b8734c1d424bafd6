import { parserSettings } from './electron/backend/import/parser';
import { runImportBench } from './bench/import';
parserSettings.workerMinRows = 10;
const t = setTimeout(() => { console.log('timeout'); process.exit(1); }, 20000);
runImportBench(2000).then((r) => { console.log(JSON.stringify((r as any).app.phasesMs)); clearTimeout(t); }).catch((e) => { console.error('ERR', e); process.exit(1); });
