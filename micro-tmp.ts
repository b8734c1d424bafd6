import { loadSqlJs } from '/work/main/electron/backend/db/sqljs';
import { Db } from '/work/main/electron/backend/db/database';
import { migrate } from '/work/main/electron/backend/db/migrate';

const N = Number(process.argv[2] ?? 200000);
const mode = process.argv[3] ?? 'bind';
const AG = ['a','b','c','d','e','f','g','h','i','j','k','l'];
async function main() {
  const SQL = await loadSqlJs();
  const raw0 = new SQL.Database(); raw0.run(`PRAGMA page_size = ${process.env.PS ?? 4096}`); const db = new Db(raw0);
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
    } else if (mode === 'direct') {
      const M = SQL as unknown as Record<string, any>;
      const dbp = (db.raw as unknown as { db: number }).db;
      const per = 64;
      const vr = `(?, 's', ${cols.map(()=>'?').join(', ')}, 'b', 'now', 'now')`;
      const head = `INSERT INTO interactions (id, source, ${cols.join(', ')}, import_batch_id, created_at, updated_at) VALUES `;
      const sqlText = head + new Array(per).fill(vr).join(', ');
      const enc = new TextEncoder();
      const sqlBytes = enc.encode(sqlText + '\0');
      const sqlPtr = M._malloc(sqlBytes.length); M.HEAPU8.set(sqlBytes, sqlPtr);
      const pp = M._malloc(4);
      if (M._sqlite3_prepare_v2(dbp, sqlPtr, -1, pp, 0) !== 0) throw new Error('prep');
      const st = M.HEAP32[pp >> 2];
      const arenaSize = 1 << 20; const arena = M._malloc(arenaSize);
      const intern = new Map<string, number>(); // ptr; len stored separately
      const internLen = new Map<string, number>();
      let id = 1;
      for (let r = 0; r + per <= N; r += per) {
        let heap = M.HEAPU8 as Uint8Array;
        let off = arena; let pos = 1;
        for (let k = 0; k < per; k++) {
          M._sqlite3_bind_int(st, pos++, id++);
          const row = rows[r+k]!;
          for (let j = 0; j < W; j++, pos++) {
            const v = row[j]!;
            if (v === null) M._sqlite3_bind_blob(st, pos, 0, 0, 0);
            else if (typeof v === 'number') { if (v === (v|0)) M._sqlite3_bind_int(st, pos, v); else M._sqlite3_bind_double(st, pos, v); }
            else if (j === 1 || j === 2 || j === 3 || j === 5 || j === 6) {
              let p = intern.get(v);
              if (p === undefined) { const b = enc.encode(v); p = M._malloc(b.length + 1); heap = M.HEAPU8; heap.set(b, p); intern.set(v, p); internLen.set(v, b.length); }
              M._sqlite3_bind_text(st, pos, p, internLen.get(v), 0);
            } else {
              const n = enc.encodeInto(v, heap.subarray(off, off + v.length * 3)).written;
              M._sqlite3_bind_text(st, pos, off, n, 0);
              off += n;
            }
          }
        }
        const rc = M._sqlite3_step(st);
        if (rc !== 101) throw new Error('step ' + rc);
        M._sqlite3_reset(st);
      }
      M._sqlite3_finalize(st);
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
  const ti = performance.now();
  await db.transactionAsync(async () => {
    db.exec('CREATE INDEX interactions_started ON interactions(started_at)');
    db.exec('CREATE INDEX interactions_agent_started ON interactions(agent_id, started_at)');
    db.exec('CREATE INDEX interactions_customer_started ON interactions(customer_id, started_at)');
  });
  const te = performance.now();
  const bytes = db.raw.export().length;
  console.log('PS', process.env.PS, 'index ms', Math.round(te - ti), 'export ms', Math.round(performance.now() - te), 'bytes', bytes);
  console.log(mode, N, 'ms', Math.round(ti - t), db.get('SELECT count(*) n, sum(csat_score) s, typeof(talk_seconds) t, typeof(answered) a FROM interactions'));
}
main();
