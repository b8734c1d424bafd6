import type { IdGenerator } from '../core/ids';
import type { Db } from '../db/database';

/** Agents, teams and customers by name/ref (case-insensitive), created on first sight. */
export class EntityResolver {
  readonly created = { agents: 0, teams: 0, customers: 0 };
  private readonly agents = new Map<string, string>();
  private readonly teams = new Map<string, string>();
  private readonly customers = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly ids: IdGenerator,
    private readonly now: string,
  ) {
    for (const [id, name] of db.values('SELECT id, name FROM agents'))
      this.agents.set(String(name).toLowerCase(), String(id));
    for (const [id, name] of db.values('SELECT id, name FROM teams'))
      this.teams.set(String(name).toLowerCase(), String(id));
  }

  team(name: string | null): string | null {
    if (name === null) return null;
    const key = name.toLowerCase();
    let id = this.teams.get(key);
    if (id === undefined) {
      id = this.ids.next('team');
      this.db.run('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', [id, name, this.now]);
      this.teams.set(key, id);
      this.created.teams++;
    }
    return id;
  }

  agent(name: string | null, teamName: string | null): string | null {
    if (name === null) return null;
    const key = name.toLowerCase();
    let id = this.agents.get(key);
    if (id === undefined) {
      id = this.ids.next('agt');
      this.db.run('INSERT INTO agents (id, team_id, name, created_at) VALUES (?, ?, ?, ?)', [
        id,
        this.team(teamName),
        name,
        this.now,
      ]);
      this.agents.set(key, id);
      this.created.agents++;
    }
    return id;
  }

  customer(ref: string | null, name: string | null, email: string | null, seenAt: string): string | null {
    if (ref === null) return null;
    let id = this.customers.get(ref);
    if (id !== undefined) return id;
    const existing = this.db.get<{ id: string }>('SELECT id FROM customers WHERE external_ref = ?', [ref]);
    if (existing) id = existing.id;
    else {
      id = this.ids.next('cus');
      this.db.run(
        'INSERT INTO customers (id, external_ref, name, email, first_seen_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, ref, name, email, seenAt, this.now],
      );
      this.created.customers++;
    }
    this.customers.set(ref, id);
    return id;
  }
}
