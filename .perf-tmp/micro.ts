import { loadSqlJs } from '/work/main/electron/backend/db/sqljs';
import { Db } from '/work/main/electron/backend/db/database';
import { migrate } from '/work/main/electron/backend/db/migrate';

const N = Number(process.argv[2] ?? 200000);
const mode = process.argv[3] ?? 'bind';
const AG = ['a','b','c','d','e','f','g','h','i','j','k','l'];
async function main() {
  const SQL = await loadSqlJs();
  const db = new Db(new SQL.Database());
  migrate(db);
  db.raw.run('PRAGMA cache_size = -262144'); db.raw.run('PRAGMA temp_store = MEMORY');
  db.run("INSERT INTO teams (id,name,created_at) VALUES ('t1','T1','now')");
  for (const a of AG) db.run("INSERT INTO agents (id,team_id,name,created_at) VALUES (?,?,?,?)", ['agt_'+a,'t1',a,'now']);
  db.run("INSERT INTO import_batches (id, file_name, file_sha256, source, mapping_json, started_at) VALUES ('b','f','x','s','{}','now')");
  for (const ix of ['interactions_started','interactions_agent_started','interactions_customer_started']) db.raw.run(`DROP INDEX ${ix}`);
  const cols = ['external_id','channel','agent_id','team_id','started_at','day','topic','answered','abandoned','resolved','first_response_seconds','talk_seconds','hold_seconds','wrap_seconds','csat_score','csat_scale'];
  const W = cols.length;
  const rows: (string|number|null)[][] = [];
  const start = Date.UTC(2024,0,1,8);
  for (let i = 0; i < N; i++) {
    const iso = new Date(start + i*30000).toISOString();
    rows.push([`C${i+1}`, 'call', 'agt_'+AG[i%12], 't1', iso, iso.slice(0,10), 'Technical Support', 1, 0, i%2, i%120, 30+i%600, i%60, i%90, 1+i%5, 5]);
  }
  const t = performance.now();
  await db.transactionAsync(async () => {
    if (mode === 'bind') {
      const per = 64;
      const vr = `(?, 's', ${cols.map(()=>'?').join(', ')}, 'b', 'now', 'now')`;
      const head = `INSERT INTO interactions (id, source, ${cols.join(', ')}, import_batch_id, created_at, updated_at) VALUES `;
      const st = db.prepareWrite(head + new Array(per).fill(vr).join(', '));
      const p: (string|number|null)[] = new Array((W+1)*per).fill(null);
      let id = 1;
      for (let r = 0; r + per <= N; r += per) {
        let m = 0;
        for (let k = 0; k < per; k++) { p[m++] = id++; const row = rows[r+k]!; for (let j = 0; j < W; j++) p[m++] = row[j]!; }
        st.run(p);
      }
      st.free();
    } else {
      const chunk = 5000;
      const sel = cols.map((c, j) => `value->>${j}`).join(', ');
      const sql = `INSERT INTO interactions (id, source, ${cols.join(', ')}, import_batch_id, created_at, updated_at) SELECT ?1 + key, 's', ${sel}, 'b', 'now', 'now' FROM json_each(${mode === 'blob' ? 'CAST(?2 AS TEXT)' : '?2'})`;
      const st = db.prepareWrite(sql);
      const enc = new TextEncoder();
      let stringify = 0;
      for (let r = 0; r < N; r += chunk) {
        const t0 = performance.now();
        const json = JSON.stringify(rows.slice(r, r + chunk));
        const arg = mode === 'blob' ? enc.encode(json) : json;
        stringify += performance.now() - t0;
        st.run([r + 1, arg]);
      }
      st.free();
      console.log('stringify+encode ms', Math.round(stringify));
    }
  });
  console.log(mode, N, 'ms', Math.round(performance.now() - t), db.get('SELECT count(*) n, sum(csat_score) s, typeof(talk_seconds) t, typeof(answered) a FROM interactions'));
}
main();
